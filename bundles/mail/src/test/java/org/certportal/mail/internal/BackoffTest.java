package org.certportal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 8);

    @Test
    void doublesFromTheFirstRetryUpToTheMaximum() {
        assertEquals(Duration.ofMinutes(1), DEFAULT.delayAfter(1));
        assertEquals(Duration.ofMinutes(2), DEFAULT.delayAfter(2));
        assertEquals(Duration.ofMinutes(4), DEFAULT.delayAfter(3));
        assertEquals(Duration.ofMinutes(32), DEFAULT.delayAfter(6));
        assertEquals(Duration.ofHours(1), DEFAULT.delayAfter(7), "64 min is capped at the maximum");
        assertEquals(Duration.ofHours(1), DEFAULT.delayAfter(8));
    }

    @Test
    void manyAttemptsStayAtTheMaximumWithoutOverflow() {
        Backoff wide = new Backoff(Duration.ofSeconds(1), Duration.ofDays(7), 100);
        assertEquals(Duration.ofDays(7), wide.delayAfter(100));
        assertEquals(Duration.ofDays(7), wide.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void equalFirstAndMaximumIsAConstantPause() {
        Backoff constant = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), 3);
        assertEquals(Duration.ofSeconds(30), constant.delayAfter(1));
        assertEquals(Duration.ofSeconds(30), constant.delayAfter(3));
    }

    @Test
    void givesUpExactlyAtTheMaximumAttempts() {
        assertFalse(DEFAULT.exhausted(7));
        assertTrue(DEFAULT.exhausted(8));
        assertTrue(DEFAULT.exhausted(9));
        Backoff once = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1);
        assertTrue(once.exhausted(1), "a single attempt: the first failure is final");
    }

    @Test
    void nextAttemptIsTheFailureTimePlusTheDelay() {
        Instant failed = Instant.parse("2026-03-29T00:59:30Z");
        assertEquals(Instant.parse("2026-03-29T01:03:30Z"), DEFAULT.nextAttempt(failed, 3));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.delayAfter(0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMillis(999), Duration.ofHours(1), 8));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 8));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), Backoff.MAX_ATTEMPTS_LIMIT + 1));
        new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), Backoff.MAX_ATTEMPTS_LIMIT);
    }
}
