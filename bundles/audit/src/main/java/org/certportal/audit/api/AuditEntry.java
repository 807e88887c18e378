package org.certportal.audit.api;

/**
 * One change to record with {@link AuditLog#recordAll}: the same four values {@link AuditLog#record} takes.
 *
 * @since 1.2
 */
public record AuditEntry(String entityType, Object entityId, String action, Changes changes) {
}
