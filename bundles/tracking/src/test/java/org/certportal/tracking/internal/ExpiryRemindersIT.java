package org.certportal.tracking.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.tracking.internal.TrackingPortal.CPA;
import static org.certportal.tracking.internal.TrackingPortal.RN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.certportal.mail.api.MailMessage;
import org.certportal.mail.internal.SmtpDelivery;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.security.api.Role;
import org.certportal.tracking.api.SentReminder;
import org.certportal.tracking.internal.process.ExpiryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The expiry run's reminders in the real process engine, queued through the real outbox and delivered by
 * the mail bundle's own sender to a real SMTP server (GreenMail), on H2 and PostgreSQL. Today is 1 March
 * 2026; the default ladder is 90, 60, 30 and 7 days before expiry and 7 days into the grace period.
 */
class ExpiryRemindersIT {
    private static final String SUBJECT = "{program} expires on {expires}";
    private static final String BODY = "Dear {name}, {daysLeft} days left.";
    private TrackingPortal portal;
    private GreenMail smtp;
    private SmtpDelivery delivery;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private TrackingPortal start(String db, Instant now) throws SQLException, IOException {
        portal = new TrackingPortal(db, now);
        portal.contact(1, "Ada", "Lovelace", "A-001", "ada@example.org");
        portal.contact(2, "Alan", "Turing", "A-002");
        portal.contact(3, "Grace", "Hopper", "G-003", "grace@example.org");
        LocalDate enrolled = LocalDate.of(2024, 1, 10);
        LocalDate earned = LocalDate.of(2024, 3, 1);
        // 30 days left: the 90- and 60-day steps came due before the first run, only the 30-day one is sent
        portal.enrollment(201, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 3, 31));
        portal.enrollment(202, 2, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 3, 8)); // no address
        portal.enrollment(203, 3, RN, ACTIVE, enrolled, earned, LocalDate.of(2027, 1, 1)); // nothing due
        portal.enrollment(204, 3, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 2, 20)); // 9 days into grace
        portal.enrollment(205, 1, RN, ACTIVE, enrolled, earned, LocalDate.of(2026, 2, 27)); // expires, no reminder
        portal.security.as(Role.CERTIFICATION_MANAGER);
        portal.reminders.save(null, List.of(90, 60, 30, 7), List.of(7), SUBJECT, BODY);
        portal.security.as(Role.CERTIFICATION_ADMIN);
        int port = freePort();
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(10_000);
        smtp = new GreenMail(setup);
        smtp.start();
        delivery = new SmtpDelivery(portal.ds, port);
        return portal;
    }

    @AfterEach
    void close() {
        if (smtp != null) {
            smtp.stop();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoRunsInARowDeliverEachReminderExactlyOnce(String db) throws Exception {
        TrackingPortal p = start(db, TrackingPortal.NOW);
        ProcessRun first = run(RunOptions.run());
        assertEquals(List.of("enrollment:201", "enrollment:204"), keys(first.id(), RowState.DONE).stream()
                .filter(k -> !k.equals("enrollment:205")).toList());
        assertEquals("EXPIRED", p.status(205));
        List<RowResult> noAddress = rows(first.id(), RowState.SKIPPED);
        assertEquals(1, noAddress.size());
        assertEquals("No email address for Alan Turing: the reminder 7 days before expiry was not sent (earlier steps"
                + " skipped: 90 days before expiry, 60 days before expiry, 30 days before expiry).",
                noAddress.get(0).message());
        assertEquals(2, delivery.sendAllDue());

        ProcessRun second = run(RunOptions.run());
        assertEquals(0, second.total(), "the same day again finds nothing to remind or expire");
        assertEquals(0, delivery.sendAllDue());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(List.of("ada@example.org", "grace@example.org"), recipients(received));
        MimeMessage ada = Arrays.stream(received).filter(m -> to(m).equals("ada@example.org")).findFirst()
                .orElseThrow();
        assertEquals("Certified Public Accountant expires on 31 March 2026", ada.getSubject());
        assertEquals("Dear Ada Lovelace, 30 days left.", ((String) ada.getContent()).strip());
        MimeMessage grace = Arrays.stream(received).filter(m -> to(m).equals("grace@example.org")).findFirst()
                .orElseThrow();
        assertEquals("Dear Grace Hopper, 21 days left.", ((String) grace.getContent()).strip(),
                "in the grace period: days to its end");

        assertEquals(List.of("before:30 SENT", "before:60 SKIPPED", "before:90 SKIPPED"), handled(201));
        assertEquals(List.of("before:30 SKIPPED", "before:60 SKIPPED", "before:7 NO_ADDRESS",
                "before:90 SKIPPED"), handled(202));
        assertEquals(List.of("before:30 SKIPPED", "before:60 SKIPPED", "before:7 SKIPPED", "before:90 SKIPPED",
                "grace:7 SENT"), handled(204));
        p.security.as(Role.STAFF);
        List<SentReminder> shown = p.service.detail(201).reminders();
        assertEquals(3, shown.size());
        SentReminder sent = shown.stream().filter(r -> r.outcome().equals(SentReminder.SENT)).findFirst()
                .orElseThrow();
        assertEquals("30 days before expiry", sent.step());
        assertEquals("ada@example.org", sent.recipient());
        assertEquals(first.id(), sent.runId());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDryRunSaysWhatItWouldSendAndQueuesNothing(String db) throws Exception {
        start(db, TrackingPortal.NOW);
        ProcessRun preview = run(RunOptions.preview());
        List<RowResult> done = rows(preview.id(), RowState.DONE);
        assertTrue(done.stream().anyMatch(r -> r.message().equals("Would send the reminder 30 days before expiry to"
                + " Ada Lovelace <ada@example.org> (earlier steps skipped: 90 days before expiry, 60 days"
                + " before expiry).")), done.toString());
        assertEquals(0, delivery.sendAllDue());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM tracking_reminder"));
        assertEquals(4, run(RunOptions.run()).total(), "the real run still finds 201, 202, 204 and 205");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theNextStepComesOnItsDayAndRecertificationStartsANewCycle(String db) throws Exception {
        TrackingPortal p = start(db, TrackingPortal.NOW);
        run(RunOptions.run());
        assertEquals(2, delivery.sendAllDue());
        portal.close();
        smtp.stop();
        // 24 days later the 7-day step of 201 is due: a new portal on the same database sends it, and only it
        p = startAgain(db, p, Instant.parse("2026-03-24T06:00:00Z"));
        run(RunOptions.run());
        assertEquals(List.of("before:30 SENT", "before:60 SKIPPED", "before:7 SENT", "before:90 SKIPPED"),
                handled(201));
        // recertified: the expiration date moves a year on, a new cycle whose 90-day step is not due yet
        recertify(201, LocalDate.of(2027, 3, 31));
        assertEquals(0, run(RunOptions.run()).total());
        recertify(201, LocalDate.of(2026, 6, 1)); // a cycle with its 90-day step due today
        run(RunOptions.run());
        assertEquals(List.of("before:90 SENT"), handled(201, LocalDate.of(2026, 6, 1)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aProgramsOwnLadderReplacesTheDefaultAndAnEmptyOneSendsNothing(String db) throws Exception {
        TrackingPortal p = start(db, TrackingPortal.NOW);
        p.security.as(Role.CERTIFICATION_MANAGER);
        p.reminders.save(RN, List.of(400), List.of(), SUBJECT, BODY); // 203 expires in 306 days
        p.reminders.save(CPA, List.of(), List.of(), SUBJECT, BODY);
        p.security.as(Role.CERTIFICATION_ADMIN);
        ProcessRun r = run(RunOptions.run());
        assertEquals(List.of("enrollment:203", "enrollment:205"), keys(r.id(), RowState.DONE));
        assertEquals(1, delivery.sendAllDue());
        assertEquals(List.of("grace@example.org"), recipients(smtp.getReceivedMessages()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void purgingAnEnrollmentDeletesItsRemindersOnly(String db) throws Exception {
        start(db, TrackingPortal.NOW);
        run(RunOptions.run());
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            new ReminderDataOwner(null).purge(c, List.of(201L, 999L));
            c.commit();
        }
        assertEquals(List.of(), handled(201));
        assertEquals(5, handled(204).size());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStepRecordedTwiceIsRefusedByTheUniqueKeyWithItsMailAndTheTransactionGoesOn(String db) throws Exception {
        start(db, TrackingPortal.NOW);
        LocalDate cycle = LocalDate.of(2026, 3, 31);
        MailMessage mail = new MailMessage("ada@example.org", "Reminder", "Text");
        List<ReminderLog.Entry> thirty = List.of(new ReminderLog.Entry(new ReminderRules.Step(false, 30),
                SentReminder.SENT, "ada@example.org", null));
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            assertTrue(ReminderLog.recordOnce(c, 201, cycle, 1L, TrackingPortal.NOW, () -> portal.outbox.queue(c,
                    mail), thirty));
            // as a second portal's run would: the same step again, its mail queued first
            assertFalse(ReminderLog.recordOnce(c, 201, cycle, 2L, TrackingPortal.NOW, () -> portal.outbox.queue(c,
                    mail), thirty));
            // the transaction is still usable (PostgreSQL aborts it on an error outside a savepoint)
            assertEquals(Set.of("before:30"), ReminderLog.handled(c, 201, cycle));
            c.commit();
        }
        assertEquals(1, delivery.sendAllDue(), "one mail queued, the second one rolled back with its record");
        assertEquals(List.of("before:30 SENT"), handled(201));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStepAnotherRunRecordsMeanwhileSendsTheChunkRowByRowAndEveryOtherReminderGoesOnce(String db)
            throws Exception {
        start(db, TrackingPortal.NOW);
        // between the chunk's read and its writes, a second portal's run records 201's 30-day step and queues its mail
        AtomicBoolean once = new AtomicBoolean();
        portal.beforeExpiryMail = () -> {
            if (once.compareAndSet(false, true)) {
                try (Connection c = portal.ds.getConnection()) {
                    c.setAutoCommit(false);
                    assertTrue(ReminderLog.recordOnce(c, 201, LocalDate.of(2026, 3, 31), 999L, TrackingPortal.NOW,
                            () -> portal.outbox.queue(c, new MailMessage("ada@example.org", "Other run", "Text")),
                            List.of(new ReminderLog.Entry(new ReminderRules.Step(false, 30), SentReminder.SENT,
                                    "ada@example.org", null))));
                    c.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        ProcessRun r = run(RunOptions.run());
        assertEquals(RunState.COMPLETED, r.state());
        assertEquals(0, r.failed());
        assertEquals("No reminder sent, a later one was sent before; recorded as skipped: 90 days before expiry, 60"
                + " days before expiry.", rows(r.id(), RowState.DONE).stream()
                .filter(row -> row.key().equals("enrollment:201")).findFirst().orElseThrow().message(),
                "read again row by row, the other run's step is there");
        assertEquals(List.of("before:30 SENT", "before:60 SKIPPED", "before:90 SKIPPED"), handled(201),
                "the chunk's own records of 201 were rolled back, the earlier steps recorded once");
        try (Connection c = portal.ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT run_id FROM tracking_reminder WHERE enrollment_id = 201 AND step = 'before:30'");
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(999L, rs.getLong(1), "the other run's record stands");
        }
        assertEquals(List.of("before:30 SKIPPED", "before:60 SKIPPED", "before:7 NO_ADDRESS", "before:90 SKIPPED"),
                handled(202), "the other row of the chunk recorded once");
        assertEquals(5, handled(204).size());
        assertEquals("EXPIRED", portal.status(205));
        assertEquals(2, delivery.sendAllDue(), "the other run's mail and 204's; none twice");
        assertEquals(List.of("ada@example.org", "grace@example.org"), recipients(smtp.getReceivedMessages()));
    }

    private TrackingPortal startAgain(String db, TrackingPortal before, Instant now) throws Exception {
        // the same database, a later day: the portal is rebuilt on it without new rows
        portal = new TrackingPortal(before.ds, now);
        portal.security.as(Role.CERTIFICATION_ADMIN);
        int port = freePort();
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(setup);
        smtp.start();
        delivery = new SmtpDelivery(portal.ds, port);
        return portal;
    }

    private void recertify(long enrollmentId, LocalDate expiresOn) throws SQLException {
        try (Connection c = portal.ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE enrollment SET expires_on = ?, version = version + 1 WHERE id = ?")) {
            ps.setObject(1, expiresOn);
            ps.setLong(2, enrollmentId);
            ps.executeUpdate();
        }
    }

    private List<String> handled(long enrollmentId) throws SQLException {
        return handled(enrollmentId, null);
    }

    /** "step OUTCOME" of one enrollment (of one cycle, or of the cycle of its first rows), by step. */
    private List<String> handled(long enrollmentId, LocalDate cycle) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = portal.ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT step,"
                + " outcome, expires_on FROM tracking_reminder WHERE enrollment_id = ? ORDER BY step")) {
            ps.setLong(1, enrollmentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (cycle == null || cycle.equals(rs.getObject(3, LocalDate.class))) {
                        rows.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
            }
        }
        return rows;
    }

    private ProcessRun run(RunOptions options) throws SQLException {
        long id = portal.engine.service().start(ExpiryProcess.ID, Map.of(), options);
        portal.engine.runUntilIdle();
        return portal.engine.service().run(id).orElseThrow();
    }

    private List<RowResult> rows(long runId, RowState state) {
        return portal.engine.service().rows(runId, state, PageRequest.first(100)).items();
    }

    private List<String> keys(long runId, RowState state) {
        return rows(runId, state).stream().map(RowResult::key).toList();
    }

    private static List<String> recipients(MimeMessage[] received) {
        return Arrays.stream(received).map(ExpiryRemindersIT::to).sorted().toList();
    }

    private static String to(MimeMessage m) {
        try {
            return m.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
