package org.certportal.mail.api;

import java.time.Instant;

/**
 * A message in the outbox.
 *
 * @param body the text; null in search results (a page of bodies could be large), read it with find
 * @param attempts how many times a portal tried to send it since it was queued (or resent)
 * @param lastError why the last attempt failed; null when none did
 * @param nextAttemptAt when a queued message is due
 * @param sentAt when the SMTP server accepted it; null until then
 */
public record OutboxEntry(long id, String to, String subject, String body, MailStatus status, int attempts,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
}
