package org.certportal.persistence.internal;

import java.sql.Connection;

import javax.sql.DataSource;

import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.SchemaMigrationException;
import org.certportal.persistence.api.SchemaMigrator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** Liquibase against the portal data source; its lock table serialises portals sharing a database. */
@Component
public class LiquibaseSchemaMigrator implements SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrator.class);
    private final DataSource dataSource;

    @Activate
    public LiquibaseSchemaMigrator(@Reference(target = DataSources.TARGET) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Attempts when Liquibase's own tables were being created by someone else at the same moment. */
    static final int ATTEMPTS = 5;

    @Override
    public void migrate(Class<?> owner, String changelog) {
        for (int attempt = 1;; attempt++) {
            try {
                migrateOnce(owner, changelog);
                return;
            } catch (SchemaMigrationException e) {
                // On a fresh database, portals (or bundles of one portal) starting together all try to
                // create databasechangelog(lock); the losers fail. Once the tables exist, the lock
                // table serialises everyone, so trying again is safe and applies nothing twice.
                if (attempt == ATTEMPTS || !isLiquibaseTableRace(e)) {
                    LOG.error("{}; stopping the bundle that ships it until it is fixed", e.getMessage(), e);
                    stopLater(owner);
                    throw e;
                }
                LOG.info("Liquibase tables were being created concurrently; migrating {} again", changelog);
                pause(attempt);
            }
        }
    }

    /**
     * A feature whose schema is not what its code expects must not run at all: SCR keeps the
     * service of a failed immediate component registered (and retries it on every lookup), so the
     * owning bundle is stopped instead (transiently: the next start, e.g. after bundle:update with a
     * fixed changelog, migrates again). Asynchronously, because the bundle is being activated now.
     */
    private static void stopLater(Class<?> owner) {
        Bundle bundle = FrameworkUtil.getBundle(owner);
        if (bundle == null) {
            return; // not in OSGi (tests): the exception is all there is
        }
        Thread stopper = new Thread(() -> {
            try {
                bundle.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException | IllegalStateException e) {
                LOG.error("Could not stop {} after its failed migration", bundle.getSymbolicName(), e);
            }
        }, "certportal-stop-" + bundle.getSymbolicName());
        stopper.setDaemon(true);
        stopper.start();
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

    private void migrateOnce(Class<?> owner, String changelog) {
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
