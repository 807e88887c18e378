package org.certportal.mail.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a message that could not be sent is tried again: after {@code firstRetry}, then twice as
 * long after each further failure, never longer than {@code maxRetry}; once {@code maxAttempts}
 * attempts have failed the message has failed for good.
 */
record Backoff(Duration firstRetry, Duration maxRetry, int maxAttempts) {
    static final int MAX_ATTEMPTS_LIMIT = 100;

    Backoff {
        if (firstRetry == null || firstRetry.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The first retry must wait at least one second.");
        }
        if (maxRetry == null || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("The longest wait between retries must not be shorter than the first.");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("Attempts must be between 1 and " + MAX_ATTEMPTS_LIMIT + ".");
        }
    }

    /** Whether a message that has failed {@code attempts} times is given up. */
    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait after the given number of failed attempts (1 for the first failure). */
    Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("A delay follows a failed attempt: attempts must be at least 1.");
        }
        Duration delay = firstRetry;
        // doubling stops at the maximum, so many attempts never overflow
        for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    Instant nextAttempt(Instant failedAt, int attempts) {
        return failedAt.plus(delayAfter(attempts));
    }
}
