package org.certportal.mail.internal;

import java.sql.Connection;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.persistence.testing.TestDatabases;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The databases the outbox is tested on, and its schema applied as SchemaMigrator does in the portal. */
final class TestDatabase {
    private TestDatabase() {
    }

    /** For {@code @MethodSource}: H2, and PostgreSQL when the build started one. */
    static Stream<String> names() {
        return TestDatabases.available().stream();
    }

    /** The bundle's changelog from its class path, by Liquibase. */
    static void migrate(DataSource ds, String changelog) {
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            try (Liquibase liquibase = new Liquibase(changelog,
                    new ClassLoaderResourceAccessor(TestDatabase.class.getClassLoader()), database)) {
                liquibase.update(new Contexts(), new LabelExpression());
            }
        } catch (Exception e) {
            throw new IllegalStateException("Migrating " + changelog + " failed: " + e.getMessage(), e);
        }
    }
}
