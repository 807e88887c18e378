package org.certportal.audit.api;

import java.time.Instant;

/** One stored audit entry. */
public record AuditRecord(long id, Instant at, String actor, String entityType, String entityId, String action,
        String changes) {
}
