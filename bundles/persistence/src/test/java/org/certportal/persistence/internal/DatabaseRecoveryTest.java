package org.certportal.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.certportal.persistence.api.SchemaMigrationException;
import org.junit.jupiter.api.Test;

class DatabaseRecoveryTest {
    private boolean databaseUp;
    private final List<String> started = new ArrayList<>();

    /** A data source whose connections fail while the database is "down". */
    private final DataSource dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                if (!method.getName().equals("getConnection")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                if (!databaseUp) {
                    throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
                }
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                        (c, m, a) -> m.getName().equals("isValid") ? Boolean.TRUE : null);
            });

    private DatabaseRecovery.Area area(String name) {
        return new DatabaseRecovery.Area() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() {
                started.add(name);
            }
        };
    }

    @Test
    void connectionFailuresAreToldFromBrokenChangelogs() {
        assertTrue(DatabaseRecovery.isUnreachable(new SchemaMigrationException("Schema migration x failed",
                new RuntimeException(new SQLException("refused", "08001")))));
        assertTrue(DatabaseRecovery.isUnreachable(new SchemaMigrationException("x",
                new SQLException("no connection", new ConnectException("Connection refused")))));
        assertFalse(DatabaseRecovery.isUnreachable(new SchemaMigrationException("x",
                new SQLException("relation \"enrollment\" does not exist", "42P01"))));
        assertFalse(DatabaseRecovery.isUnreachable(new SchemaMigrationException("x", new IllegalStateException())));
    }

    @Test
    void parkedAreasStartOnceTheDatabaseAnswers() {
        DatabaseRecovery recovery = new DatabaseRecovery(dataSource);
        try {
            recovery.park(area("org.certportal.process"));
            recovery.park(area("org.certportal.enrollments"));
            assertFalse(recovery.probeOnce());
            assertEquals(List.of(), started);
            assertEquals(List.of("org.certportal.process", "org.certportal.enrollments"), recovery.waiting());
            databaseUp = true;
            assertTrue(recovery.probeOnce());
            assertEquals(List.of("org.certportal.process", "org.certportal.enrollments"), started);
            assertEquals(List.of(), recovery.waiting());
            assertTrue(recovery.probeOnce());
            assertEquals(2, started.size(), "each started once");
        } finally {
            recovery.close(false);
        }
    }

    @Test
    void whatWaitsForTheDatabaseStartsAtOnceWhenItAnswers() throws Exception {
        databaseUp = true;
        DatabaseRecovery recovery = new DatabaseRecovery(dataSource);
        java.util.concurrent.CountDownLatch migratorEnabled = new java.util.concurrent.CountDownLatch(1);
        try {
            recovery.startWhenAnswering(new DatabaseRecovery.Area() {
                @Override
                public String name() {
                    return "every area";
                }

                @Override
                public void start() {
                    migratorEnabled.countDown();
                }
            });
            // on the probe's thread, tried without the first wait (a start on H2 is not delayed)
            assertTrue(migratorEnabled.await(DatabaseRecovery.FIRST_WAIT.toMillis() / 2,
                    java.util.concurrent.TimeUnit.MILLISECONDS));
        } finally {
            recovery.close(false);
        }
    }

    @Test
    void whileTheDatabaseIsDownItsReasonIsKeptAndNothingStarts() {
        DatabaseRecovery recovery = new DatabaseRecovery(dataSource);
        try {
            recovery.park(area("every area"));
            assertFalse(recovery.probeOnce());
            assertFalse(recovery.probeOnce());
            assertEquals("Connection to 127.0.0.1:5432 refused", recovery.failure());
            assertEquals(List.of(), started);
            databaseUp = true;
            assertTrue(recovery.probeOnce());
            assertEquals(List.of("every area"), started);
            assertEquals(null, recovery.failure(), "answering again is a new state: a new outage is logged");
        } finally {
            recovery.close(false);
        }
    }

    @Test
    void aNewDataSourceStartsTheParkedAreasAtOnceAndAStoppingPortalDoesNot() {
        DatabaseRecovery changed = new DatabaseRecovery(dataSource);
        changed.park(area("org.certportal.completions"));
        changed.close(true);
        assertEquals(List.of("org.certportal.completions"), started);

        DatabaseRecovery stopping = new DatabaseRecovery(dataSource);
        stopping.park(area("org.certportal.programs"));
        stopping.close(false);
        assertEquals(List.of("org.certportal.completions"), started);

        // an area that failed while the old data source went away tries the new one at once
        stopping.park(area("org.certportal.tracking"));
        assertEquals(List.of("org.certportal.completions", "org.certportal.tracking"), started);
    }
}
