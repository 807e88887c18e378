package org.certportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.certportal.persistence.testing.TestDatabases.UrlDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's guide's backup of the embedded database (docs/admin.md, "Embedded H2"): with
 * the portal stopped, {@code tar -czf BACKUP data/db etc} in the Karaf directory holds the whole
 * database at the shipped location, and unpacking it brings back exactly what it held. The database
 * is opened at the URL of the shipped data source file, so moving the database elsewhere breaks this
 * test before it breaks a backup.
 */
class H2BackupTest {
    private static final Path SHIPPED_DATA_SOURCE = Path.of(
            "../../karaf-assembly/src/main/resources/assembly/etc/org.ops4j.datasource-certportal.cfg");

    @TempDir
    Path home;

    @Test
    void theDocumentedTarOfAStoppedPortalRestoresItsDatabase() throws Exception {
        Files.createDirectories(home.resolve("etc"));
        Files.copy(SHIPPED_DATA_SOURCE, home.resolve("etc/org.ops4j.datasource-certportal.cfg"));
        UrlDataSource database = new UrlDataSource(shippedUrl());
        new LiquibaseSchemaMigrator(database).migrate(H2BackupTest.class, "db/good.changelog.xml");
        execute(database, "INSERT INTO good_thing (id, name) VALUES (2, 'before the backup')");
        // the portal stopped: its pool closed the last connection, and H2 closed the files

        run("tar", "-czf", "certportal-backup.tar.gz", "data/db", "etc");
        execute(database, "INSERT INTO good_thing (id, name) VALUES (3, 'after the backup')");
        assertEquals(3, count(database));

        run("rm", "-rf", "data/db", "etc");
        run("tar", "-xzf", "certportal-backup.tar.gz");
        assertEquals(2, count(database), "the rows of the backup, not those written after it");
        new LiquibaseSchemaMigrator(database).migrate(H2BackupTest.class, "db/good.changelog.xml");
        assertEquals(2, count(database), "the restored changelog history: nothing is applied twice");
    }

    /** The shipped URL with Karaf's data directory in this test's home, and nothing else changed. */
    private String shippedUrl() throws Exception {
        String url = Files.readAllLines(SHIPPED_DATA_SOURCE, StandardCharsets.UTF_8).stream()
                .filter(l -> l.matches("url *=.*")).map(l -> l.substring(l.indexOf('=') + 1).strip())
                .findFirst().orElseThrow();
        assertTrue(url.startsWith("jdbc:h2:file:${karaf.data}/db/"), url);
        return url.replace("${karaf.data}", home.resolve("data").toString());
    }

    private static void execute(UrlDataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static int count(UrlDataSource database) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM good_thing")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        assertFalse(out.contains("file changed as we read it"), out);
    }
}
