package org.certportal.persistence.internal;

import java.sql.Connection;

import javax.sql.DataSource;

import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.SchemaMigrationException;
import org.certportal.persistence.api.SchemaMigrator;
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

    @Override
    public void migrate(Class<?> owner, String changelog) {
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
