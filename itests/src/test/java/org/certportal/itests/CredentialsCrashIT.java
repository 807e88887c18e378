package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * kill -9 of Karaf in the middle of a bulk award of 20,000 credentials on PostgreSQL, then a restart: the
 * engine resumes the run, no credential number is given twice and no student is awarded twice. A
 * distribution of its own on a cluster of its own; the students come from {@code
 * certportal:credentials-benchmark --prepare-only} (each with a diploma and an address, one in ten also a
 * certificate that the diploma supersedes).
 */
public class CredentialsCrashIT {
    private static final int HTTP = 18581;
    private static final int SSH = 18501;
    private static final int PG = 25437;
    private static final int STUDENTS = 20_000;
    private static final Path HOME = Path.of("target", "credentials-crash-portal").toAbsolutePath();
    private static final Path PG_DIR = Path.of("target", "credentials-crash-pgdata").toAbsolutePath();

    @AfterClass
    public static void stopAll() throws Exception {
        karafProcess().ifPresent(ProcessHandle::destroyForcibly);
        command(Duration.ofSeconds(60), "bash", new File("src/test/scripts/pg.sh").getPath(), "stop",
                PG_DIR.toString(), String.valueOf(PG));
    }

    @Test
    public void anAwardKilledMidwayResumesAfterTheRestartAndGivesNoNumberOrStudentTwice() throws Exception {
        command(Duration.ofSeconds(120), "bash", new File("src/test/scripts/pg.sh").getPath(), "start",
                PG_DIR.toString(), String.valueOf(PG));
        unpack();
        KarafClient.keepAdminPassword(HOME, command(Duration.ofSeconds(60), HOME.resolve("bin/start").toString()));
        KarafClient karaf = new KarafClient(HOME.toString(), String.valueOf(SSH));
        await(Duration.ofSeconds(240), () -> shell(karaf, "process:list").contains("credentials-award"));
        shell(karaf, "feature:install certportal-bench");
        await(Duration.ofSeconds(60), () -> shell(karaf, "certportal:credentials-benchmark --help").contains(
                "--prepare-only"));
        String prepared = karaf.run("certportal:credentials-benchmark --prepare-only --students " + STUDENTS);
        Matcher m = Pattern.compile("prepared: session (\\S+),").matcher(prepared);
        assertTrue(prepared, m.find());
        String session = m.group(1);
        long selected = sqlLong("SELECT COUNT(*) FROM achieved_credential WHERE status = 'PENDING'");
        assertEquals(STUDENTS + STUDENTS / 10, selected);

        karaf.run("process:run credentials-award session=" + session);
        // some chunks committed, the run not over
        await(Duration.ofSeconds(300), () -> sqlLong("SELECT COUNT(*) FROM awarded_credential") > 0);
        ProcessHandle jvm = karafProcess().orElseThrow(() -> new AssertionError("no Karaf JVM for " + HOME));
        jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but the database's
        jvm.onExit().get(60, TimeUnit.SECONDS);
        long atKill = sqlLong("SELECT COUNT(*) FROM awarded_credential");
        assertTrue("the kill came mid-run: " + atKill, atKill > 0 && atKill < STUDENTS);
        assertEquals("the run was not over", 0, sqlLong("SELECT COUNT(*) FROM process_run WHERE type_id ="
                + " 'credentials-award' AND state = 'COMPLETED'"));

        command(Duration.ofSeconds(60), HOME.resolve("bin/start").toString());
        await(Duration.ofSeconds(600), () -> sqlLong("SELECT COUNT(*) FROM process_run WHERE type_id ="
                + " 'credentials-award' AND state = 'COMPLETED'") == 1);

        assertEquals("one diploma per student", STUDENTS, sqlLong("SELECT COUNT(*) FROM awarded_credential"));
        assertEquals("no student awarded twice", STUDENTS, sqlLong("SELECT COUNT(DISTINCT contact_id) FROM"
                + " awarded_credential"));
        assertEquals("no number given twice", STUDENTS, sqlLong("SELECT COUNT(DISTINCT number) FROM awarded_credential"));
        assertEquals("no sequence number given twice", STUDENTS, sqlLong("SELECT COUNT(DISTINCT sequence_no) FROM"
                + " awarded_credential"));
        assertEquals("each awarded credential ordered once", STUDENTS, sqlLong("SELECT COUNT(DISTINCT awarded_id) FROM"
                + " document_order_item"));
        assertEquals(STUDENTS, sqlLong("SELECT COUNT(*) FROM document_order_item"));
        assertEquals("every diploma awarded", 0, sqlLong("SELECT COUNT(*) FROM achieved_credential WHERE status ="
                + " 'PENDING'"));
        assertEquals("the certificates superseded", STUDENTS / 10, sqlLong("SELECT COUNT(*) FROM achieved_credential"
                + " WHERE status = 'SUPERSEDED'"));
        assertEquals("every row done once", STUDENTS, sqlLong("SELECT done_count FROM process_run WHERE type_id ="
                + " 'credentials-award'"));
        assertEquals(0, sqlLong("SELECT failed_count FROM process_run WHERE type_id = 'credentials-award'"));
    }

    /** The Karaf JVM of this test's portal (its command line names its home), if it runs. */
    private static Optional<ProcessHandle> karafProcess() {
        String home = "karaf.home=" + HOME;
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(home)
                && c.contains("java")).orElse(false)).findFirst();
    }

    /** The built distribution on its own ports and PostgreSQL cluster. */
    private static void unpack() throws Exception {
        command(Duration.ofSeconds(60), "rm", "-rf", HOME.toString());
        Files.createDirectories(HOME);
        command(Duration.ofSeconds(120), "tar", "-xzf", System.getProperty("certportal.assembly"), "-C",
                HOME.toString(), "--strip-components=1");
        Files.writeString(HOME.resolve("etc/org.ops4j.pax.web.cfg"), "\norg.osgi.service.http.port = " + HTTP + "\n",
                StandardOpenOption.APPEND);
        sed("s/^sshPort *=.*/sshPort = " + SSH + "/", "etc/org.apache.karaf.shell.cfg");
        sed("s/^rmiRegistryPort *=.*/rmiRegistryPort = " + (SSH + 1) + "/; s/^rmiServerPort *=.*/rmiServerPort = "
                + (SSH + 2) + "/", "etc/org.apache.karaf.management.cfg");
        sed("s#^osgi.jdbc.driver.class.*#osgi.jdbc.driver.class = org.postgresql.Driver#; s#^url .*#url = "
                + "jdbc:postgresql://127.0.0.1:" + PG + "/certportal?reWriteBatchedInserts=true#; s#^user .*#user ="
                + " postgres#", "etc/org.ops4j.datasource-certportal.cfg");
    }

    private static long sqlLong(String sql) {
        try {
            String out = command(Duration.ofSeconds(60), "psql", "-h", "127.0.0.1", "-p", String.valueOf(PG), "-U",
                    "postgres", "-d", "certportal", "-tAc", sql).strip();
            return out.isEmpty() ? 0 : Long.parseLong(out);
        } catch (Exception e) {
            return -1;
        }
    }

    private static String shell(KarafClient karaf, String command) {
        try {
            return karaf.run(command);
        } catch (Exception e) {
            return "";
        }
    }

    private static void sed(String script, String file) throws Exception {
        command(Duration.ofSeconds(30), "sed", "-i", script, HOME.resolve(file).toString());
    }

    private static String log() {
        try {
            return Files.readString(HOME.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String command(Duration limit, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit.toSeconds() + " s; log tail:\n"
                        + log().lines().skip(Math.max(0, log().lines().count() - 40)).reduce("", (a, b) -> a + b
                                + "\n"));
            }
            Thread.sleep(200);
        }
    }
}
