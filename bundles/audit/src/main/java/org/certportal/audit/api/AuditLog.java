package org.certportal.audit.api;

import java.sql.Connection;
import java.util.List;

import javax.persistence.EntityManager;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** The audit log of every state change that matters. */
@ProviderType
public interface AuditLog {

    /**
     * Records a change in the caller's own transaction (through its entity manager), so the entry
     * exists exactly when the change does. The actor is the current caller, or "system".
     */
    void record(EntityManager em, String entityType, Object entityId, String action, Changes changes);

    /** The same for callers working with JDBC: the entry is written on their connection, in their transaction. */
    void record(Connection connection, String entityType, Object entityId, String action, Changes changes);

    /**
     * Many entries on the caller's connection, in the caller's transaction, in one JDBC batch (a process
     * recording a change per row of a chunk): each entry is exactly what {@link #record(Connection, String,
     * Object, String, Changes)} would write for it, all or none.
     *
     * @since 1.2
     */
    default void recordAll(Connection connection, List<AuditEntry> entries) {
        entries.forEach(e -> record(connection, e.entityType(), e.entityId(), e.action(), e.changes()));
    }

    /**
     * Newest first, filtered in the database: entity type (exact, optional), entity id (exact,
     * optional), actor (exact, optional). Demands {@link AuditPermissions#READ}.
     */
    Page<AuditRecord> search(String entityType, String entityId, String actor, PageRequest page);

    /**
     * One entity's entries, newest first, paged in the database: for a feature that shows the history
     * of its own entities to the users who may read them (e.g. an enrollment's status history on the
     * Tracking page), without giving them the whole audit log. Demands {@code permission}, the
     * feature's own permission to read that entity.
     *
     * @since 1.1
     */
    default Page<AuditRecord> history(String entityType, String entityId, String permission, PageRequest page) {
        throw new UnsupportedOperationException("This audit log keeps no history to read");
    }
}
