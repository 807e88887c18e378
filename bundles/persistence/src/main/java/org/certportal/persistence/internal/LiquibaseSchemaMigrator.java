package org.certportal.persistence.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.certportal.persistence.api.SchemaMigrationException;
import org.certportal.persistence.api.SchemaMigrator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Liquibase against the portal data source; its lock table serialises portals sharing a database.
 * Plain Java, so that feature tests outside OSGi migrate exactly as the portal does.
 */
public class LiquibaseSchemaMigrator implements SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrator.class);
    /** Longer than any migration of this product takes: a lock this old was left by a portal that died. */
    static final Duration STALE_LOCK = Duration.ofMinutes(15);
    private final DataSource dataSource;
    private final Duration staleLock;
    private final AppliedChangelogs applied;
    /** Whether applied_changelog is known to exist (the platform's changelog was applied). */
    private volatile boolean appliedTableReady;

    public LiquibaseSchemaMigrator(DataSource dataSource) {
        this(dataSource, STALE_LOCK);
    }

    /** With the age after which a held migration lock counts as left behind by a dead portal. */
    public LiquibaseSchemaMigrator(DataSource dataSource, Duration staleLock) {
        this.dataSource = dataSource;
        this.staleLock = staleLock;
        this.applied = new AppliedChangelogs(dataSource);
    }

    /** Attempts when Liquibase's own tables were being created by someone else at the same moment. */
    static final int ATTEMPTS = 5;

    /**
     * Skips Liquibase when the changelog's resources have the checksum recorded after their last
     * complete update (checked outside the JVM-wide lock, so areas starting together do not queue for
     * it); otherwise updates through Liquibase and records the checksum.
     */
    @Override
    public void migrate(Class<?> owner, String changelog) {
        long started = System.nanoTime();
        String checksum = checksumOf(owner, changelog);
        if (checksum != null && applied.isApplied(changelog, checksum)) {
            LOG.info("Schema of {} is up to date (checksum recorded, {} ms)", changelog,
                    (System.nanoTime() - started) / 1_000_000);
            return;
        }
        migrateWithLiquibase(owner, changelog);
        if (checksum != null) {
            record(changelog, checksum);
        }
    }

    private static String checksumOf(Class<?> owner, String changelog) {
        try {
            return AppliedChangelogs.checksum(owner.getClassLoader(), changelog);
        } catch (java.io.IOException unreadable) {
            return null; // Liquibase names the missing changelog
        }
    }

    /** Records the applied checksum; the platform's own table first, once per migrator. */
    private void record(String changelog, String checksum) {
        try {
            if (!appliedTableReady) {
                createAppliedTable();
            }
            applied.recordApplied(changelog, checksum);
        } catch (java.io.IOException | SQLException | SchemaMigrationException notRecorded) {
            // the schema is up to date all the same; the next start asks Liquibase again
            LOG.info("Could not record the checksum of {}: {}", changelog, notRecorded.getMessage());
        }
    }

    /** Synchronized: areas migrating at once on a new database would each give it to Liquibase. */
    private synchronized void createAppliedTable() throws java.io.IOException, SQLException {
        if (appliedTableReady) {
            return;
        }
        String own = AppliedChangelogs.checksum(AppliedChangelogs.class.getClassLoader(), AppliedChangelogs.CHANGELOG);
        if (!applied.isApplied(AppliedChangelogs.CHANGELOG, own)) {
            migrateWithLiquibase(AppliedChangelogs.class, AppliedChangelogs.CHANGELOG);
            applied.recordApplied(AppliedChangelogs.CHANGELOG, own);
        }
        appliedTableReady = true;
    }

    private void migrateWithLiquibase(Class<?> owner, String changelog) {
        for (int attempt = 1;; attempt++) {
            try {
                migrateOnce(owner, changelog);
                return;
            } catch (SchemaMigrationException e) {
                // On a fresh database, portals (or bundles of one portal) starting together all try to
                // create databasechangelog(lock); the losers fail. Once the tables exist, the lock
                // table serialises everyone, so trying again is safe and applies nothing twice.
                if (attempt == ATTEMPTS || !isLiquibaseTableRace(e)) {
                    if (owner != AppliedChangelogs.class) { // the platform's table: its area's migration stands
                        failed(owner, e);
                    }
                    throw e;
                }
                LOG.info("Liquibase tables were being created concurrently; migrating {} again", changelog);
                pause(attempt);
            }
        }
    }

    /** Called once a migration has failed for good; the OSGi component stops the owner's bundle. */
    protected void failed(Class<?> owner, SchemaMigrationException e) {
        // outside OSGi (tests) the exception is all there is
    }

    static boolean isLiquibaseTableRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("create the database changelog table")
                    || message.contains("databasechangeloglock") && !message.contains("could not acquire")) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt + java.util.concurrent.ThreadLocalRandom.current().nextInt(100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaMigrationException("Interrupted while migrating", e);
        }
    }

    /**
     * One migration at a time in this JVM: Liquibase keeps one lock service per database (equal by
     * URL), so two bundles migrating at once in one portal share it, and the first to finish resets
     * the other's "I hold the lock" state: that lock is then never released and every later
     * migration waits for it (seen at boot, when bundles start in parallel). Portals on other JVMs
     * still wait for each other through the lock table.
     */
    private void migrateOnce(Class<?> owner, String changelog) {
        synchronized (LockServiceFactory.class) {
            releaseStaleLock();
            migrateAlone(owner, changelog);
        }
    }

    /**
     * A portal killed while migrating leaves Liquibase's lock taken for good, and every later start
     * would wait for it and fail; a lock older than {@link #staleLock} is released, with a warning.
     */
    private void releaseStaleLock() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            String holder;
            Timestamp granted;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT lockgranted, lockedby FROM databasechangeloglock WHERE id = 1 AND locked = TRUE")) {
                if (!rs.next()) {
                    return;
                }
                granted = rs.getTimestamp(1);
                holder = rs.getString(2);
            }
            Instant since = granted == null ? Instant.EPOCH : granted.toInstant();
            if (since.plus(staleLock).isAfter(Instant.now())) {
                return;
            }
            try (PreparedStatement release = c.prepareStatement("UPDATE databasechangeloglock SET locked = FALSE,"
                    + " lockgranted = NULL, lockedby = NULL WHERE id = 1 AND locked = TRUE AND lockgranted = ?")) {
                release.setTimestamp(1, granted);
                if (release.executeUpdate() == 1) {
                    LOG.warn("Released the schema migration lock held by {} since {}: older than {} minutes, so its"
                            + " portal died while migrating", holder, since, staleLock.toMinutes());
                }
            }
        } catch (SQLException e) {
            // no lock table yet (a fresh database), or none readable: Liquibase makes and takes it as usual
            LOG.debug("No migration lock to check: {}", e.getMessage());
        }
    }

    private void migrateAlone(Class<?> owner, String changelog) {
        long started = System.nanoTime();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase finds its own extensions through the context class loader
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            try (Liquibase liquibase = new Liquibase(changelog,
                    new ClassLoaderResourceAccessor(owner.getClassLoader()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
            LOG.info("Schema of {} is up to date ({}, {} ms)", changelog, database.getShortName(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            throw new SchemaMigrationException("Schema migration " + changelog + " failed: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
