package org.certportal.tracking.api;

import java.time.Instant;

/**
 * One change of an enrollment's status, as the audit log holds it.
 *
 * @param source which process run made it, when one did (e.g. "tracking expiry run 12"); null otherwise
 */
public record StatusHistoryEntry(Instant at, String actor, String from, String to, String reason, String source) {
}
