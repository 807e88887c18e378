package org.certportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.certportal.persistence.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Two portals, each its own JVM, starting on one fresh PostgreSQL database at the same moment: only
 * Liquibase's tables in the database keep them apart (inside one JVM the migrator also serialises).
 */
class TwoJvmMigrationIT {

    @Test
    void twoPortalJvmsMigratingOneDatabaseAtOnceApplyEachChangesetOnce() throws Exception {
        assumeTrue(TestDatabases.available().contains(TestDatabases.POSTGRESQL), "needs the build's PostgreSQL");
        TestDatabases.UrlDataSource ds = (TestDatabases.UrlDataSource) TestDatabases.fresh(TestDatabases.POSTGRESQL);
        Path dir = Files.createTempDirectory("two-portals");
        Path go = dir.resolve("go");
        List<Process> portals = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                portals.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), MigratingPortal.class.getName(), ds.url(),
                        "db/good.changelog.xml", go.toString()).redirectErrorStream(true).start());
            }
            List<StringBuilder> outputs = new ArrayList<>();
            List<Thread> readers = new ArrayList<>();
            List<java.util.concurrent.CountDownLatch> ready = new ArrayList<>();
            for (Process p : portals) {
                StringBuilder out = new StringBuilder();
                java.util.concurrent.CountDownLatch isReady = new java.util.concurrent.CountDownLatch(1);
                Thread reader = new Thread(() -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                            StandardCharsets.UTF_8))) {
                        for (String line; (line = in.readLine()) != null;) {
                            synchronized (out) {
                                out.append(line).append('\n');
                            }
                            if (line.equals("ready")) {
                                isReady.countDown();
                            }
                        }
                    } catch (java.io.IOException e) {
                        // the process ended: what it said is in out
                    }
                });
                reader.start();
                outputs.add(out);
                readers.add(reader);
                ready.add(isReady);
            }
            for (int i = 0; i < portals.size(); i++) {
                assertTrue(ready.get(i).await(2, TimeUnit.MINUTES),
                        "portal " + i + " never got ready: " + outputs.get(i));
            }
            Files.createFile(go);
            for (int i = 0; i < portals.size(); i++) {
                assertTrue(portals.get(i).waitFor(3, TimeUnit.MINUTES), "portal " + i + " did not finish");
                readers.get(i).join();
                assertEquals(0, portals.get(i).exitValue(), "portal " + i + " failed: " + outputs.get(i));
                assertTrue(outputs.get(i).toString().contains("migrated"), outputs.get(i).toString());
            }
        } finally {
            portals.forEach(Process::destroyForcibly);
        }
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM good_thing"), "the data changeset ran once");
        assertEquals(2, count(ds, "SELECT COUNT(*) FROM databasechangelog WHERE id LIKE 'good-%'"));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM databasechangeloglock WHERE locked = TRUE"),
                "no portal left the lock taken");
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
