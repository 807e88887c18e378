package org.certportal.itests;

import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * A portal started while its PostgreSQL is down comes up by itself once the database answers: the
 * areas whose migrations could not connect wait, and start again when a connection succeeds, with
 * no restart and no operator. A distribution of its own, on a cluster of its own that the test
 * starts only after the portal is up.
 */
public class DatabaseOutageIT {
    private static final int HTTP = 18381;
    private static final int SSH = 18301;
    private static final int PG = 25436;
    private static final Path HOME = Path.of("target", "outage-portal").toAbsolutePath();
    private static final Path PG_DIR = Path.of("target", "outage-pgdata").toAbsolutePath();
    /** Areas with tables: each must run again once the database is back. */
    private static final List<String> AREAS = List.of("org.certportal.audit", "org.certportal.settings",
            "org.certportal.contacts", "org.certportal.mail", "org.certportal.process", "org.certportal.programs",
            "org.certportal.enrollments", "org.certportal.completions");

    @AfterClass
    public static void stopAll() throws Exception {
        if (Files.exists(HOME.resolve("bin/stop"))) {
            command(Duration.ofSeconds(60), HOME.resolve("bin/stop").toString());
        }
        command(Duration.ofSeconds(60), "bash", new File("src/test/scripts/pg.sh").getPath(), "stop",
                PG_DIR.toString(), String.valueOf(PG));
    }

    @Test
    public void areasStoppedByAnUnreachableDatabaseStartOnceItAnswers() throws Exception {
        unpack();
        KarafClient.keepAdminPassword(HOME, command(Duration.ofSeconds(60), HOME.resolve("bin/start").toString()));
        KarafClient karaf = new KarafClient(HOME.toString(), String.valueOf(SSH));
        // the audit log migrates first; what builds on it (the engine among them) waits with it
        await(Duration.ofSeconds(180), () -> log().contains("the database does not answer: org.certportal.audit"
                + " waits for it"));
        // the engine's commands are gone while the database is down
        await(Duration.ofSeconds(60), () -> {
            try {
                return karaf.run("process:list").contains("not found");
            } catch (Exception e) {
                return false;
            }
        });

        command(Duration.ofSeconds(120), "bash", new File("src/test/scripts/pg.sh").getPath(), "start",
                PG_DIR.toString(), String.valueOf(PG));
        await(Duration.ofSeconds(180), () -> {
            try {
                String bundles = karaf.run("bundle:list -s -t 0 --no-format");
                return AREAS.stream().allMatch(a -> bundles.lines().anyMatch(l -> l.contains("Active")
                        && l.trim().endsWith(a)));
            } catch (Exception e) {
                return false;
            }
        });
        String processes = karaf.run("process:list");
        assertTrue(processes, processes.contains("enrollments-consistency"));
        assertTrue("the contacts service works on the database that came back",
                karaf.run("certportal:demo-data --list").toLowerCase().contains("contacts"));
    }

    /** The built distribution on its own ports, on PostgreSQL at a port where nothing answers yet. */
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
            Thread.sleep(500);
        }
    }
}
