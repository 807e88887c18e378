package org.certportal.mail.internal;

import org.certportal.persistence.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One portal database with the outbox on it, a clock the test moves, and a port for a real SMTP
 * server (GreenMail) that the test starts when it wants the server up.
 */
final class OutboxFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    final DataSource dataSource;
    final MutableClock clock = new MutableClock(START);
    /** Judged by the bundle's own permission provider; a SysAdmin unless the test says otherwise. */
    final TestSecurity security = new TestSecurity(new MailPermissionProvider()).as(Role.SYSADMIN);
    final RecordingAuditLog audit = new RecordingAuditLog();
    final MailSchema schema;
    final MailOutboxImpl outbox;
    final OutboxStore store;
    final int smtpPort;
    private GreenMail smtp;

    OutboxFixture(String database) throws Exception {
        this(database, null);
    }

    /** @param clock null for the fixture's movable clock */
    OutboxFixture(String database, Clock clock) throws Exception {
        dataSource = TestDatabases.fresh(database);
        // the schema component migrates when it starts, as in the portal
        SchemaMigrator migrator = (owner, changelog) -> TestDatabase.migrate(dataSource, changelog);
        schema = new MailSchema(migrator);
        outbox = new MailOutboxImpl(security, schema, dataSource, audit, clock == null ? this.clock : clock);
        store = new OutboxStore(dataSource);
        smtpPort = freePort();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    SmtpSettings smtpSettings() {
        return MailSettings.from(Map.of("smtpHost", "127.0.0.1", "smtpPort", String.valueOf(smtpPort), "from",
                "portal@example.org", "connectTimeoutSeconds", "5", "readTimeoutSeconds", "10")).smtp();
    }

    /** A portal's sender over real SMTP: first retry after 1 min, doubling up to 1 h. */
    OutboxDelivery portal(String name, int maxAttempts) {
        return portal(name, new SmtpSender(smtpSettings(), clock), maxAttempts);
    }

    OutboxDelivery portal(String name, MailTransport transport, int maxAttempts) {
        Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), maxAttempts);
        return new OutboxDelivery(store, transport, backoff, clock, name);
    }

    /** Starts the SMTP server on the configured port (again, after {@link #stopSmtp()}). */
    GreenMail startSmtp() {
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(10_000);
        smtp = new GreenMail(setup);
        smtp.start();
        return smtp;
    }

    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /** Queued in a transaction of its own, committed. */
    long queueCommitted(MailMessage m) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id = outbox.queue(c, m);
            c.commit();
            return id;
        }
    }

    /** Claims the message and records a final refusal, as a portal would. */
    void fail(long id, String reason) throws SQLException {
        OutboxStore.Claimed claimed = store.claim(id, "test-portal " + id, clock.instant()).orElseThrow();
        store.markFailed(claimed, reason, clock.instant());
    }

    OutboxEntry entry(long id) {
        return outbox.find(id).orElseThrow();
    }

    @Override
    public void close() {
        stopSmtp();
    }
}
