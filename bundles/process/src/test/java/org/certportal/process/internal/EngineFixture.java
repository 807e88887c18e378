package org.certportal.process.internal;

import org.certportal.persistence.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.RunState;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;

/**
 * One portal database with the engine's schema (migrated by the real migrator, as at start-up), the
 * real audit log and mail outbox, the counter process type over a table of test items, and engines
 * made on demand (each one a portal, or a portal after a restart).
 */
final class EngineFixture {
    static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    final DataSource dataSource;
    final MutableClock clock = new MutableClock(START);
    final TestSecurity security = new TestSecurity(new ProcessPermissionProvider(), CounterType.permissions())
            .as(Role.CERTIFICATION_ADMIN);
    final LiquibaseSchemaMigrator migrator;
    final AuditLogImpl audit;
    final MailOutboxImpl mail;
    final ProcessTypes types = new ProcessTypes();
    final CounterType counter = new CounterType();
    final ProcessServiceImpl service;

    EngineFixture(String db) throws SQLException {
        this(TestDatabases.fresh(db), null);
    }

    /** @param clock null for the fixture's movable clock */
    EngineFixture(DataSource dataSource, Clock clock) throws SQLException {
        this.dataSource = dataSource;
        migrator = new LiquibaseSchemaMigrator(dataSource);
        audit = new AuditLogImpl(security, migrator, dataSource);
        mail = MailOutboxImpl.migrating(security, migrator, dataSource, audit);
        types.add(counter);
        service = newService(clock == null ? this.clock : clock);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS test_item (id BIGINT PRIMARY KEY, counter INT NOT NULL)");
        }
    }

    /** The service of another portal (or of this one after a restart) on the same database. */
    ProcessServiceImpl newService(Clock clock) {
        return new ProcessServiceImpl(security, migrator, dataSource, audit, mail, types, clock);
    }

    Engine engine(String node, int chunkSize) {
        return engine(node, chunkSize, clock);
    }

    Engine engine(String node, int chunkSize, Clock clock) {
        EngineSettings settings = new EngineSettings(node, chunkSize, 1, Duration.ofSeconds(1), Duration.ofMinutes(2));
        return new Engine(settings, dataSource, types, security, new RunEvents(audit, mail, clock),
                new RunQueue(dataSource, audit));
    }

    void items(int n) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO test_item (id, counter) VALUES (?, 0)")) {
                for (int i = 1; i <= n; i++) {
                    insert.setLong(1, i);
                    insert.addBatch();
                    if (i % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
        }
    }

    /** How many items have each counter value. */
    Map<Integer, Long> counters() throws SQLException {
        Map<Integer, Long> byValue = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT counter, COUNT(*) FROM test_item GROUP BY counter")) {
            while (rs.next()) {
                byValue.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return byValue;
    }

    int counter(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT counter FROM test_item WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A change made by someone else, committed at once. */
    void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    RunState state(long runId) {
        return service.run(runId).orElseThrow().state();
    }

    String file(long runId, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.writeResultFile(runId, name, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
