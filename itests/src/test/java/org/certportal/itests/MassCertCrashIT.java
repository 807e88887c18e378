package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * kill -9 of Karaf in the middle of a mass certification on PostgreSQL, then a restart: the engine resumes
 * the run and every applicant is processed exactly once. A distribution of its own (like
 * {@link DatabaseOutageIT}) on a cluster of its own; the cohort comes from {@code certportal:masscert-benchmark
 * --prepare-only} (a free and a fee certification, each applicant's exam awaiting approval). Once some
 * chunks have committed the Karaf JVM is killed with SIGKILL; after the restart the runs finish and the
 * database shows each exam approved once, each applicant of the fee certification with one order and one
 * email, each free applicant Active with one email.
 */
public class MassCertCrashIT {
    private static final int HTTP = 18481;
    private static final int SSH = 18401;
    private static final int PG = 25438;
    private static final int APPLICANTS = 6000;
    private static final Path HOME = Path.of("target", "masscert-crash-portal").toAbsolutePath();
    private static final Path PG_DIR = Path.of("target", "masscert-crash-pgdata").toAbsolutePath();

    @AfterClass
    public static void stopAll() throws Exception {
        karafProcess().ifPresent(ProcessHandle::destroyForcibly);
        command(Duration.ofSeconds(60), "bash", new File("src/test/scripts/pg.sh").getPath(), "stop",
                PG_DIR.toString(), String.valueOf(PG));
    }

    @Test
    public void aRunKilledMidwayResumesAfterTheRestartAndDoesNothingTwice() throws Exception {
        command(Duration.ofSeconds(120), "bash", new File("src/test/scripts/pg.sh").getPath(), "start",
                PG_DIR.toString(), String.valueOf(PG));
        unpack();
        KarafClient.keepAdminPassword(HOME, command(Duration.ofSeconds(60), HOME.resolve("bin/start").toString()));
        KarafClient karaf = new KarafClient(HOME.toString(), String.valueOf(SSH));
        await(Duration.ofSeconds(240), () -> shell(karaf, "process:list").contains("masscert"));
        shell(karaf, "feature:install certportal-bench");
        await(Duration.ofSeconds(60), () -> shell(karaf, "certportal:masscert-benchmark --help").contains(
                "--prepare-only"));
        String prepared = karaf.run("certportal:masscert-benchmark --prepare-only --applicants " + APPLICANTS);
        Matcher m = Pattern.compile("prepared: free=(\\S+) fee=(\\S+) batch=(\\d+)").matcher(prepared);
        assertTrue(prepared, m.find());
        String free = m.group(1);
        String fee = m.group(2);
        String batch = m.group(3);
        assertEquals(APPLICANTS, sqlLong("SELECT COUNT(*) FROM completion WHERE status = 'AWAITING_APPROVAL'"));

        karaf.run("process:run masscert program=" + free + " send-email=yes",
                "process:run masscert program=" + fee + " send-email=yes batch=" + batch);
        // some chunks committed, the runs not over
        await(Duration.ofSeconds(300), () -> sqlLong("SELECT COUNT(*) FROM accounting_order") > 0
                && sqlLong("SELECT COUNT(*) FROM enrollment WHERE status = 'ACTIVE'") > 0);
        ProcessHandle jvm = karafProcess().orElseThrow(() -> new AssertionError("no Karaf JVM for " + HOME));
        assertTrue("killed before the runs finished", sqlLong("SELECT COUNT(*) FROM process_run WHERE type_id ="
                + " 'masscert' AND state IN ('COMPLETED', 'FAILED', 'CANCELLED')") < 2);
        jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback but the database's
        jvm.onExit().get(60, TimeUnit.SECONDS);
        long ordersAtKill = sqlLong("SELECT COUNT(*) FROM accounting_order");
        assertTrue("the kill came mid-run: " + ordersAtKill, ordersAtKill < APPLICANTS / 2);

        command(Duration.ofSeconds(60), HOME.resolve("bin/start").toString());
        await(Duration.ofSeconds(600), () -> sqlLong("SELECT COUNT(*) FROM process_run WHERE type_id = 'masscert'"
                + " AND state = 'COMPLETED'") == 2);

        int half = APPLICANTS / 2;
        assertEquals("every exam approved", 0, sqlLong("SELECT COUNT(*) FROM completion WHERE status ="
                + " 'AWAITING_APPROVAL'"));
        assertEquals("each approved once", APPLICANTS, sqlLong("SELECT COUNT(*) FROM audit_entry WHERE entity_type"
                + " = 'completion' AND action = 'approved'"));
        assertEquals(half, sqlLong("SELECT COUNT(*) FROM enrollment WHERE status = 'ACTIVE'"));
        assertEquals(APPLICANTS - half, sqlLong("SELECT COUNT(*) FROM enrollment WHERE status = 'AWAITING_PAYMENT'"));
        assertEquals("one order per applicant of the fee", APPLICANTS - half, sqlLong("SELECT COUNT(*) FROM"
                + " accounting_order"));
        assertEquals("no second order", APPLICANTS - half, sqlLong("SELECT COUNT(DISTINCT reference) FROM"
                + " accounting_order"));
        assertEquals("one email per applicant", APPLICANTS, sqlLong("SELECT COUNT(*) FROM mail_outbox WHERE"
                + " recipient LIKE 'applicant%'"));
        assertEquals("no one emailed twice", APPLICANTS, sqlLong("SELECT COUNT(DISTINCT recipient) FROM mail_outbox"
                + " WHERE recipient LIKE 'applicant%'"));
        assertEquals("every row done once", APPLICANTS, sqlLong("SELECT SUM(done_count) FROM process_run WHERE type_id ="
                + " 'masscert'"));
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
                java.nio.file.StandardOpenOption.APPEND);
        sed("s/^sshPort *=.*/sshPort = " + SSH + "/", "etc/org.apache.karaf.shell.cfg");
        sed("s/^rmiRegistryPort *=.*/rmiRegistryPort = " + (SSH + 1) + "/; s/^rmiServerPort *=.*/rmiServerPort = "
                + (SSH + 2) + "/", "etc/org.apache.karaf.management.cfg");
        sed("s#^osgi.jdbc.driver.class.*#osgi.jdbc.driver.class = org.postgresql.Driver#; s#^url .*#url = "
                + "jdbc:postgresql://127.0.0.1:" + PG + "/certportal#; s#^user .*#user = postgres#",
                "etc/org.ops4j.datasource-certportal.cfg");
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
