package org.certportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.persistence.api.SchemaMigrationException;
import org.certportal.persistence.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The migrator against real databases: H2 (the embedded default) and the throwaway PostgreSQL the
 * build starts for this module. Each test gets a fresh database (H2) or schema (PostgreSQL).
 */
class SchemaMigrationIT {

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private static DataSource fresh(String db) throws SQLException {
        return TestDatabases.fresh(db);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoPortalsMigratingOneDatabaseAtOnceApplyEachChangesetOnce(String db) throws Exception {
        DataSource ds = fresh(db);
        int portals = 4;
        CyclicBarrier start = new CyclicBarrier(portals);
        ExecutorService pool = Executors.newFixedThreadPool(portals);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < portals; i++) {
                // each "portal" has its own migrator; Liquibase's lock table is what serialises them
                LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
                runs.add(pool.submit(() -> {
                    start.await();
                    migrator.migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM good_thing"), "the data changeset ran once");
        assertEquals(2, count(ds, "SELECT COUNT(*) FROM databasechangelog WHERE id LIKE 'good-%'"));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM databasechangeloglock WHERE locked = TRUE"),
                "no portal left the lock taken");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aLockLeftByAPortalThatDiedMigratingIsReleasedOnceStale(String db) throws Exception {
        DataSource ds = fresh(db);
        new LiquibaseSchemaMigrator(ds).migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        // a portal was killed an hour ago while it held the lock
        try (Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement("UPDATE"
                + " databasechangeloglock SET locked = TRUE, lockgranted = ?, lockedby = 'dead-portal' WHERE id = 1")) {
            ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
            assertEquals(1, ps.executeUpdate());
        }
        // and the next start brings a changed changelog, so Liquibase has to run (and take the lock)
        execute(ds, "UPDATE applied_changelog SET checksum = 'older' WHERE changelog = 'db/good.changelog.xml'");
        // without the release Liquibase would wait five minutes for the lock and then fail
        new LiquibaseSchemaMigrator(ds, java.time.Duration.ofMinutes(15)).migrate(SchemaMigrationIT.class,
                "db/good.changelog.xml");
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM databasechangeloglock WHERE locked = TRUE"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM good_thing"), "nothing ran twice");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void migratingAgainChangesNothing(String db) throws Exception {
        DataSource ds = fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        migrator.migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM good_thing"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangelogWhoseChecksumIsRecordedIsNotGivenToLiquibaseAgain(String db) throws Exception {
        DataSource ds = fresh(db);
        new LiquibaseSchemaMigrator(ds).migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM applied_changelog WHERE changelog = 'db/good.changelog.xml'"));
        // were Liquibase asked again, it would run good-1 once more and fail on the existing table
        execute(ds, "DELETE FROM databasechangelog WHERE id LIKE 'good-%'");
        new LiquibaseSchemaMigrator(ds).migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM good_thing"));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM databasechangelog WHERE id LIKE 'good-%'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangelogWithAnotherChecksumIsAppliedByLiquibaseAndRecorded(String db) throws Exception {
        DataSource ds = fresh(db);
        new LiquibaseSchemaMigrator(ds).migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        // as after a release that added good-2: the database has only good-1 and the old checksum
        execute(ds, "DELETE FROM good_thing");
        execute(ds, "DELETE FROM databasechangelog WHERE id = 'good-2'");
        execute(ds, "UPDATE applied_changelog SET checksum = 'before-good-2' WHERE changelog = 'db/good.changelog.xml'");
        new LiquibaseSchemaMigrator(ds).migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM good_thing"), "good-2 applied");
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM applied_changelog WHERE checksum = 'before-good-2'"),
                "the new checksum is recorded");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedMigrationRecordsNoChecksum(String db) throws Exception {
        DataSource ds = fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(SchemaMigrationIT.class, "db/good.changelog.xml");
        assertThrows(SchemaMigrationException.class, () -> migrator.migrate(SchemaMigrationIT.class, "db/bad.changelog.xml"));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM applied_changelog WHERE changelog = 'db/bad.changelog.xml'"));
        assertThrows(SchemaMigrationException.class, () -> migrator.migrate(SchemaMigrationIT.class, "db/bad.changelog.xml"),
                "the next start asks Liquibase again, which fails again");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBadMigrationFailsLoudlyAndLeavesNoHalfAppliedChangeset(String db) throws Exception {
        DataSource ds = fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        SchemaMigrationException e = assertThrows(SchemaMigrationException.class,
                () -> migrator.migrate(SchemaMigrationIT.class, "db/bad.changelog.xml"));
        assertTrue(e.getMessage().startsWith("Schema migration db/bad.changelog.xml failed: "), e.getMessage());
        assertTrue(e.getMessage().toLowerCase().contains("no_such_table"), "names the cause: " + e.getMessage());
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM databasechangelog WHERE id LIKE 'bad-%'"),
                "the good changeset before it stays, the failed one is not recorded");
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM bad_thing"), "the failed changeset's insert rolled back");
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM databasechangeloglock WHERE locked = TRUE"),
                "the lock is released, so a fixed bundle can migrate");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMissingChangelogIsAClearError(String db) throws Exception {
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(fresh(db));
        SchemaMigrationException e = assertThrows(SchemaMigrationException.class,
                () -> migrator.migrate(SchemaMigrationIT.class, "db/missing.changelog.xml"));
        assertTrue(e.getMessage().contains("db/missing.changelog.xml"), e.getMessage());
    }

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
