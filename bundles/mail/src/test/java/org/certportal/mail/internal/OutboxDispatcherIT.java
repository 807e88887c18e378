package org.certportal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.certportal.mail.api.MailStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.icegreen.greenmail.util.GreenMail;

/** The DS component as SCR runs it: its configuration, its background thread, its wake-up. */
class OutboxDispatcherIT {
    static Stream<String> databases() {
        return TestDatabase.names();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMalformedEditKeepsTheLastGoodSettingsAndAStartWithOneSendsNothing(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            MailSettings.forget();
            OutboxDispatcher started = new OutboxDispatcher(Map.of("smtpPort", "99999", "smtpHost", "127.0.0.1"),
                    f.schema, f.dataSource);
            assertTrue(started.notSendingBecause().isPresent(), "a bad file at a start: nothing is sent");
            started.stop();
            OutboxDispatcher good = new OutboxDispatcher(Map.of("smtpHost", "127.0.0.1"), f.schema, f.dataSource);
            good.stop();
            OutboxDispatcher afterBadEdit = new OutboxDispatcher(Map.of("smtpHost", "127.0.0.1", "smtpPort", "smtp"),
                    f.schema, f.dataSource);
            try {
                assertTrue(afterBadEdit.notSendingBecause().isEmpty(), "still sending through 127.0.0.1:25");
            } finally {
                afterBadEdit.stop();
                MailSettings.forget();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutAServerMailWaitsQueuedAndTheReasonIsGiven(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db, Clock.systemUTC())) {
            OutboxDispatcher dispatcher = new OutboxDispatcher(Map.of("smtpHost", ""), f.schema, f.dataSource);
            try {
                f.outbox.wakeUp = dispatcher;
                long id = f.outbox.queueTestMessage("ops@example.org");
                dispatcher.wakeUp();
                assertEquals(MailStatus.QUEUED, f.entry(id).status());
                assertEquals(0, f.entry(id).attempts(), "no attempt, so no failure piles up");
                assertTrue(dispatcher.notSendingBecause().orElseThrow().contains("smtpHost"));
            } finally {
                dispatcher.stop();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aWokenDispatcherSendsInTheBackgroundAndStopsCleanly(String db) throws Exception {
        // the component uses the system clock, so the outbox does too here
        try (OutboxFixture f = new OutboxFixture(db, Clock.systemUTC())) {
            GreenMail smtp = f.startSmtp();
            Map<String, Object> config = new HashMap<>();
            config.put("smtpHost", "127.0.0.1");
            config.put("smtpPort", String.valueOf(f.smtpPort));
            config.put("from", "portal@example.org");
            config.put("pollSeconds", "3600"); // only the first round and wake-ups
            config.put("component.name", OutboxDispatcher.class.getName()); // SCR adds its own properties
            OutboxDispatcher dispatcher = new OutboxDispatcher(config, f.schema, f.dataSource);
            long id;
            try {
                f.outbox.wakeUp = dispatcher;
                id = f.outbox.queueTestMessage("ops@example.org");
                assertTrue(smtp.waitForIncomingEmail(20_000, 1), "sent after the wake-up, long before the next poll");
                assertEquals("CertPortal test message", smtp.getReceivedMessages()[0].getSubject());
            } finally {
                dispatcher.stop(); // waits for the round under way to finish
            }
            assertEquals(MailStatus.SENT, f.entry(id).status());
            dispatcher.wakeUp(); // after stopping: ignored, no error
        }
    }
}
