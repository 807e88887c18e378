package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;

/**
 * The one place an enrollment's status changes: the move is checked against {@link StatusRules},
 * the row is updated (with whatever else the change sets, such as the earned date) and the audit
 * entry (old → new, by whom) is written in the same transaction.
 */
final class StatusChanges {
    static final String AUDIT_TYPE = "enrollment";
    private final AuditLog audit;
    private final Clock clock;

    StatusChanges(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param alongside further changes of the same step, applied before the audit entry is written
     * @param reason    why, as the user said it; may be null
     */
    Enrollment change(EntityManager em, EnrollmentEntity entity, CertificationStatus to, String reason,
            Consumer<EnrollmentEntity> alongside) {
        CertificationStatus from = entity.status();
        StatusRules.check(from, to);
        Enrollment before = entity.toEnrollment();
        alongside.accept(entity);
        entity.status(to, clock.instant());
        em.flush();
        Enrollment after = entity.toEnrollment();
        Changes changes = Changes.of().field("status", before.status(), after.status())
                .field("earnedOn", before.earnedOn(), after.earnedOn())
                .field("expiresOn", before.expiresOn(), after.expiresOn());
        if (reason != null && !reason.isBlank()) {
            changes.field("reason", null, reason.strip());
        }
        audit.record(em, AUDIT_TYPE, after.id(), "status " + to.name().toLowerCase(java.util.Locale.ROOT), changes);
        return after;
    }

    /** A bulk status change of one enrollment: its new earned and expiration dates go with it. */
    record Bulk(Enrollment enrollment, LocalDate earnedOn, LocalDate expiresOn) {
    }

    /**
     * The same for many enrollments on the caller's connection (bulk actions): every move is checked
     * before anything is written, the rows are updated in one JDBC batch guarded by their versions,
     * and one audit entry lists them.
     */
    int changeAll(Connection c, List<Bulk> changes, CertificationStatus to) throws SQLException {
        for (Bulk b : changes) {
            StatusRules.check(b.enrollment().status(), to);
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        try (PreparedStatement update = c.prepareStatement("UPDATE enrollment SET status = ?, earned_on = ?,"
                + " expires_on = ?, status_changed_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            for (Bulk b : changes) {
                update.setString(1, to.name());
                update.setObject(2, b.earnedOn());
                update.setObject(3, b.expiresOn());
                update.setTimestamp(4, now);
                update.setLong(5, b.enrollment().id());
                update.setLong(6, b.enrollment().version());
                update.addBatch();
            }
            for (int count : update.executeBatch()) {
                // (Statement.SUCCESS_NO_INFO when a driver does not count)
                if (count == 0) {
                    throw new ConcurrentModificationException("An enrollment was changed by someone else meanwhile;"
                            + " nothing of this batch was changed. Try again.");
                }
            }
        }
        String from = changes.stream().map(b -> b.enrollment().status().name()).distinct().sorted()
                .collect(Collectors.joining("/"));
        audit.record(c, AUDIT_TYPE, "bulk", "status " + to.name().toLowerCase(java.util.Locale.ROOT) + " "
                + changes.size(), Changes.of().field("status", from, to).field("enrollments", null,
                        changes.stream().map(b -> String.valueOf(b.enrollment().id())).collect(Collectors.joining(","))));
        return changes.size();
    }
}
