package org.certportal.persistence.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.certportal.persistence.testing.TestDatabases;

/**
 * A second JVM for {@link TwoJvmMigrationIT}: a portal of its own that migrates the given database
 * when the test says go. Arguments: JDBC URL, changelog, go file.
 */
public final class MigratingPortal {
    private MigratingPortal() {
    }

    public static void main(String[] args) throws Exception {
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(new TestDatabases.UrlDataSource(args[0]));
        Path go = Path.of(args[2]);
        System.out.println("ready");
        System.out.flush();
        // both portals start migrating at the same moment: the test creates the file once both are ready
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go file " + go);
            }
            Thread.onSpinWait();
        }
        migrator.migrate(MigratingPortal.class, args[1]);
        System.out.println("migrated");
    }
}
