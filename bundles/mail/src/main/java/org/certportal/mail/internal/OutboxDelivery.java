package org.certportal.mail.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One portal's sending: claims due messages one at a time, sends each and records the outcome.
 * Reads only committed rows (its own connections), so a message goes out only after the
 * transaction that queued it has committed.
 */
final class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);
    static final int BATCH = 20;
    private final OutboxStore store;
    private final MailTransport transport;
    private final Backoff backoff;
    private final Clock clock;
    private final String portal;

    /** @param portal names this portal in claims, e.g. pid@host */
    OutboxDelivery(OutboxStore store, MailTransport transport, Backoff backoff, Clock clock, String portal) {
        this.store = store;
        this.transport = transport;
        this.backoff = backoff;
        this.clock = clock;
        // claimed_by holds this name and a claim id (36 characters) in 120
        this.portal = portal.length() > 80 ? portal.substring(0, 80) : portal;
    }

    /** Queues again what a stopped portal left 'sending' longer than {@code staleAfter}. */
    int releaseStale(Duration staleAfter) throws SQLException {
        return store.releaseStale(clock.instant().minus(staleAfter), clock.instant());
    }

    /**
     * Sends what is due until nothing is, or a message could not be sent for a passing reason (the
     * server is down or busy: the others wait for the next round instead of failing one by one).
     *
     * @param stopping asked between messages; true ends the round
     * @return how many messages were sent
     */
    int runOnce(BooleanSupplier stopping) throws SQLException {
        int sent = 0;
        while (!stopping.getAsBoolean()) {
            List<Long> due = store.due(clock.instant(), BATCH);
            for (long id : due) {
                if (stopping.getAsBoolean()) {
                    return sent;
                }
                Optional<OutboxStore.Claimed> claimed = store.claim(id, portal + " " + UUID.randomUUID(),
                        clock.instant());
                if (claimed.isEmpty()) {
                    continue; // another portal was first
                }
                switch (send(claimed.get())) {
                    case SENT -> sent++;
                    case FAILED -> { } // refused for good: the next message may well go through
                    case RETRY_LATER -> {
                        return sent;
                    }
                }
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
        return sent;
    }

    private enum Outcome { SENT, FAILED, RETRY_LATER }

    private Outcome send(OutboxStore.Claimed m) throws SQLException {
        try {
            transport.send(m);
        } catch (DeliveryException e) {
            return failed(m, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            // unexpected, but the message must not stay 'sending': count it as a passing failure
            return failed(m, SmtpSender.reason(e), false);
        }
        if (!store.markSent(m, clock.instant())) {
            LOG.warn("Mail {} was sent, but another portal had taken it back meanwhile: it may arrive twice", m.id());
        }
        return Outcome.SENT;
    }

    private Outcome failed(OutboxStore.Claimed m, String reason, boolean permanent) throws SQLException {
        if (permanent || backoff.exhausted(m.attempts())) {
            store.markFailed(m, reason, clock.instant());
            LOG.warn("Mail {} to {} failed for good after {} attempt(s): {}", m.id(), m.to(), m.attempts(), reason);
        } else {
            store.markRetry(m, reason, backoff.nextAttempt(clock.instant(), m.attempts()));
            LOG.info("Mail {} to {} not sent (attempt {}), retried later: {}", m.id(), m.to(), m.attempts(), reason);
        }
        // a passing failure (server down or busy) would most likely hit the next message too
        return permanent ? Outcome.FAILED : Outcome.RETRY_LATER;
    }
}
