package org.certportal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.mail.internet.MimeMessage;

import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailStatus;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.api.PageRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.icegreen.greenmail.util.GreenMail;

/** Two portals sharing one database and one SMTP server: no message goes out twice. */
class TwoPortalsIT {
    private static final int MESSAGES = 60;

    static Stream<String> databases() {
        return TestDatabase.names();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void portalsSendingAtTheSameTimeSendEachMessageExactlyOnce(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            GreenMail smtp = f.startSmtp();
            for (int i = 0; i < MESSAGES; i++) {
                f.queueCommitted(new MailMessage("p" + i + "@example.org", "Notice " + i, "Body " + i));
            }
            List<OutboxDelivery> portals = List.of(f.portal("portal-a", 8), f.portal("portal-b", 8));
            CyclicBarrier start = new CyclicBarrier(portals.size());
            ExecutorService threads = Executors.newFixedThreadPool(portals.size());
            int sent = 0;
            try {
                List<Future<Integer>> runs = new ArrayList<>();
                for (OutboxDelivery portal : portals) {
                    runs.add(threads.submit(() -> {
                        start.await();
                        // each portal looks again until it finds nothing due, as its poll would
                        int mine = 0;
                        for (int n = portal.runOnce(() -> false); n > 0; n = portal.runOnce(() -> false)) {
                            mine += n;
                        }
                        return mine;
                    }));
                }
                for (Future<Integer> run : runs) {
                    sent += run.get(2, TimeUnit.MINUTES);
                }
            } finally {
                threads.shutdownNow();
            }

            assertEquals(MESSAGES, sent, "the portals' counts add up to every message once");
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(MESSAGES, received.length);
            Set<String> subjects = new HashSet<>();
            for (MimeMessage m : received) {
                assertTrue(subjects.add(m.getSubject()), "received twice: " + m.getSubject());
            }
            List<OutboxEntry> all = f.outbox.search(null, null, PageRequest.first(MESSAGES)).items();
            assertTrue(all.stream().allMatch(e -> e.status() == MailStatus.SENT && e.attempts() == 1), all.toString());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofTwoClaimsOnOneMessageOnlyTheFirstCounts(String db) throws Exception {
        try (OutboxFixture f = new OutboxFixture(db)) {
            long id = f.queueCommitted(new MailMessage("ada@example.org", "Notice", ""));
            OutboxStore portalA = new OutboxStore(f.dataSource);
            OutboxStore portalB = new OutboxStore(f.dataSource);
            assertEquals(List.of(id), portalA.due(f.clock.instant(), 10));
            assertEquals(List.of(id), portalB.due(f.clock.instant(), 10), "both see it due");

            assertTrue(portalB.claim(id, "portal-b 1", f.clock.instant()).isPresent());
            assertTrue(portalA.claim(id, "portal-a 1", f.clock.instant()).isEmpty(), "the UPDATE matched no row");
            assertEquals(MailStatus.SENDING, f.entry(id).status());
            assertEquals(1, f.entry(id).attempts());
        }
    }
}
