package org.certportal.credentials.api;

import java.time.Instant;

/**
 * One use of the credentials page, kept in the area's own table (no outside analytics).
 *
 * @param userName who
 * @param runId the award run or preview it concerned; null for a page view without one
 */
public record UsageEvent(long id, UsageKind kind, String userName, Instant occurredAt, Long runId) {
}
