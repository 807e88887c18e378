package org.certportal.tracking.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of the reminder ladder handled for one enrollment, in the cycle of one expiration date.
 *
 * @param step      which step, as staff read it ("30 days before expiry", "7 days into the grace period")
 * @param expiresOn the expiration date of the cycle it belongs to
 * @param outcome   SENT (queued in the mail outbox), SKIPPED (a later step was due at the same time) or
 *                  NO_ADDRESS (the contact had no email address)
 * @param recipient the address it was sent to; null unless sent
 * @param runId     the expiry run that handled it
 */
public record SentReminder(String step, LocalDate expiresOn, String outcome, String recipient, Instant at,
        Long runId) {
    public static final String SENT = "SENT";
    public static final String SKIPPED = "SKIPPED";
    public static final String NO_ADDRESS = "NO_ADDRESS";
}
