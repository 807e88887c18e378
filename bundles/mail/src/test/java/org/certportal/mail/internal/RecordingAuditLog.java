package org.certportal.mail.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.AuditRecord;
import org.certportal.audit.api.Changes;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/** Keeps what was recorded, noting whether the caller's connection was inside a transaction. */
final class RecordingAuditLog implements AuditLog {
    record Entry(String entityType, String entityId, String action, String changes, boolean inTransaction) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();
    /** Set to make the next record fail, as a broken audit table would. */
    volatile RuntimeException failNext;

    @Override
    public void record(EntityManager em, String entityType, Object entityId, String action, Changes changes) {
        throw new UnsupportedOperationException("the outbox audits on its JDBC connection");
    }

    @Override
    public void record(Connection connection, String entityType, Object entityId, String action, Changes changes) {
        RuntimeException fail = failNext;
        if (fail != null) {
            failNext = null;
            throw fail;
        }
        try {
            entries.add(new Entry(entityType, String.valueOf(entityId), action, changes.describe(),
                    !connection.getAutoCommit()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Page<AuditRecord> search(String entityType, String entityId, String actor, PageRequest page) {
        throw new UnsupportedOperationException();
    }
}
