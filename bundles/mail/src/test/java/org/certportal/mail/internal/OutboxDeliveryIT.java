package org.certportal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.mail.Message;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailStatus;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.api.PageRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.icegreen.greenmail.util.GreenMail;

/** Sending through a real SMTP server (GreenMail on a free port), on H2 and PostgreSQL. */
class OutboxDeliveryIT {
    private static final MailMessage NOTICE = new MailMessage("ada@example.org", "Your certificate expires soon — Grüße",
            "Dear Ada,\n\nyour certificate expires on 2026-06-01.");

    static Stream<String> databases() {
        return TestDatabase.names();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCommittedMessageIsDeliveredOnceWithItsAddressSubjectAndBody(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            GreenMail smtp = f.startSmtp();
            long id = f.queueCommitted(NOTICE);
            OutboxDelivery portal = f.portal("portal-a", 8);

            assertEquals(1, portal.runOnce(() -> false));
            assertEquals(0, portal.runOnce(() -> false), "nothing is due any more");

            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(1, received.length);
            MimeMessage m = received[0];
            assertArrayEquals(new InternetAddress[] { new InternetAddress("ada@example.org") },
                    m.getRecipients(Message.RecipientType.TO));
            assertArrayEquals(new InternetAddress[] { new InternetAddress("portal@example.org") }, m.getFrom());
            assertEquals(NOTICE.subject(), m.getSubject());
            assertEquals(NOTICE.body(), ((String) m.getContent()).replace("\r\n", "\n"));
            assertEquals(String.valueOf(id), m.getHeader(SmtpSender.OUTBOX_ID_HEADER)[0]);

            OutboxEntry sent = f.entry(id);
            assertEquals(MailStatus.SENT, sent.status());
            assertEquals(1, sent.attempts());
            assertEquals(OutboxFixture.START, sent.sentAt());
            assertNull(sent.lastError());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRolledBackChangeQueuesNothing(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            GreenMail smtp = f.startSmtp();
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                f.outbox.queue(c, NOTICE);
                c.rollback();
            }
            assertEquals(0, f.portal("portal-a", 8).runOnce(() -> false));
            assertEquals(0, smtp.getReceivedMessages().length);
            assertEquals(0, f.outbox.search(null, null, PageRequest.first(10)).total());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void nothingIsSentBeforeTheQueueingTransactionCommits(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            GreenMail smtp = f.startSmtp();
            OutboxDelivery portal = f.portal("portal-a", 8);
            try (Connection c = f.dataSource.getConnection()) {
                c.setAutoCommit(false);
                long id = f.outbox.queue(c, NOTICE);
                assertEquals(0, portal.runOnce(() -> false), "the sender cannot see an uncommitted message");
                assertEquals(0, smtp.getReceivedMessages().length);
                c.commit();
                assertEquals(1, portal.runOnce(() -> false));
                assertEquals(MailStatus.SENT, f.entry(id).status());
            }
            assertEquals(1, smtp.getReceivedMessages().length);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRefusingServerIsRetriedWithBackoffAndTheMessageArrivesOnceItRecovers(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long id = f.queueCommitted(NOTICE);
            OutboxDelivery portal = f.portal("portal-a", 8);

            assertEquals(0, portal.runOnce(() -> false), "nobody listens on the port yet");
            OutboxEntry refused = f.entry(id);
            assertEquals(MailStatus.QUEUED, refused.status());
            assertEquals(1, refused.attempts());
            assertTrue(refused.lastError().contains("Connection refused"), refused.lastError());
            assertEquals(OutboxFixture.START.plus(Duration.ofMinutes(1)), refused.nextAttemptAt());

            GreenMail smtp = f.startSmtp();
            assertEquals(0, portal.runOnce(() -> false), "not due before its next attempt time");
            assertEquals(0, smtp.getReceivedMessages().length);

            f.clock.advance(Duration.ofMinutes(1));
            assertEquals(1, portal.runOnce(() -> false));
            assertEquals(0, portal.runOnce(() -> false));
            assertEquals(1, smtp.getReceivedMessages().length, "delivered exactly once");
            OutboxEntry sent = f.entry(id);
            assertEquals(MailStatus.SENT, sent.status());
            assertEquals(2, sent.attempts());
            assertNull(sent.lastError());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void afterTheLastAttemptTheMessageFailsWithTheReasonAndAResendDeliversIt(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long id = f.queueCommitted(NOTICE);
            OutboxDelivery portal = f.portal("portal-a", 3);

            portal.runOnce(() -> false);
            f.clock.advance(Duration.ofMinutes(1));
            portal.runOnce(() -> false);
            OutboxEntry second = f.entry(id);
            assertEquals(2, second.attempts());
            assertEquals(f.clock.instant().plus(Duration.ofMinutes(2)), second.nextAttemptAt(), "the pause doubled");
            f.clock.advance(Duration.ofMinutes(2));
            portal.runOnce(() -> false);

            OutboxEntry failed = f.entry(id);
            assertEquals(MailStatus.FAILED, failed.status());
            assertEquals(3, failed.attempts());
            assertTrue(failed.lastError().contains("Connection refused"), failed.lastError());
            f.clock.advance(Duration.ofDays(1));
            assertEquals(0, portal.runOnce(() -> false), "a failed message is not tried again by itself");
            assertEquals(3, f.entry(id).attempts());

            f.outbox.resend(id);
            OutboxEntry requeued = f.entry(id);
            assertEquals(MailStatus.QUEUED, requeued.status());
            assertEquals(0, requeued.attempts());
            assertNull(requeued.lastError());
            assertEquals(List.of(new RecordingAuditLog.Entry("mail", String.valueOf(id), "resent",
                    "status: FAILED → QUEUED", true)), f.audit.entries);

            GreenMail smtp = f.startSmtp();
            assertEquals(1, portal.runOnce(() -> false));
            assertEquals(1, smtp.getReceivedMessages().length);
            assertEquals(MailStatus.SENT, f.entry(id).status());
            assertEquals(1, f.entry(id).attempts());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aServerDownPausesTheRoundInsteadOfUsingUpEveryMessagesAttempts(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(f.queueCommitted(new MailMessage("m" + i + "@example.org", "Notice " + i, "")));
            }
            f.portal("portal-a", 8).runOnce(() -> false);
            assertEquals(List.of(1, 0, 0), ids.stream().map(id -> f.entry(id).attempts()).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aPermanentRefusalFailsAtOnceAndTheRoundGoesOn(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long unknown = f.queueCommitted(new MailMessage("nobody@example.org", "Notice", ""));
            long known = f.queueCommitted(NOTICE);
            List<Long> handedOver = new ArrayList<>();
            MailTransport server = m -> {
                if (m.to().startsWith("nobody")) {
                    throw new DeliveryException("550 5.1.1 no such user", true, null);
                }
                handedOver.add(m.id());
            };
            assertEquals(1, f.portal("portal-a", server, 8).runOnce(() -> false));
            assertEquals(MailStatus.FAILED, f.entry(unknown).status());
            assertEquals(1, f.entry(unknown).attempts());
            assertEquals("550 5.1.1 no such user", f.entry(unknown).lastError());
            assertEquals(List.of(known), handedOver);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anUnexpectedErrorWhileSendingIsRecordedAndRetriedNotLeftSending(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long id = f.queueCommitted(NOTICE);
            MailTransport broken = m -> {
                throw new IllegalStateException("mail session broken");
            };
            assertEquals(0, f.portal("portal-a", broken, 8).runOnce(() -> false));
            OutboxEntry entry = f.entry(id);
            assertEquals(MailStatus.QUEUED, entry.status());
            assertEquals("mail session broken", entry.lastError());
            assertEquals(OutboxFixture.START.plus(Duration.ofMinutes(1)), entry.nextAttemptAt());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMessageLeftSendingByAStoppedPortalIsQueuedAgainOnceStale(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            GreenMail smtp = f.startSmtp();
            long id = f.queueCommitted(NOTICE);
            // a portal claims the message and dies before sending it
            assertTrue(f.store.claim(id, "crashed-portal 1", f.clock.instant()).isPresent());
            OutboxDelivery survivor = f.portal("portal-b", 8);
            assertEquals(0, survivor.runOnce(() -> false));

            f.clock.advance(Duration.ofMinutes(9));
            assertEquals(0, survivor.releaseStale(Duration.ofMinutes(10)), "still within the time a send may take");
            assertEquals(MailStatus.SENDING, f.entry(id).status());

            f.clock.advance(Duration.ofMinutes(2));
            assertEquals(1, survivor.releaseStale(Duration.ofMinutes(10)));
            assertEquals(1, survivor.runOnce(() -> false));
            assertEquals(1, smtp.getReceivedMessages().length);
            assertEquals(MailStatus.SENT, f.entry(id).status());
            assertEquals(2, f.entry(id).attempts(), "the interrupted attempt counts");
        }
    }
}
