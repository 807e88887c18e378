package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.Locale;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.Enrollment;

/**
 * The consistency checker's status changes, on the caller's connection (a process chunk's
 * transaction) where {@link StatusChanges#change} needs an entity manager: the same row update and
 * the same audit entry per enrollment, with the checker's reason.
 */
public final class StatusCorrections {
    static final String REASON = "Consistency check: ";
    private final AuditLog audit;
    private final Clock clock;

    public StatusCorrections(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Corrects the enrollment as the finding says, guarded by the version it was read with.
     *
     * @throws IllegalArgumentException when the finding is not one the checker may correct
     * @throws ConcurrentModificationException when the enrollment changed since it was read
     */
    public void correct(Connection c, Enrollment current, ConsistencyRules.Finding f) throws SQLException {
        if (!f.correctable() || f.stored() != current.status()) {
            throw new IllegalArgumentException("An enrollment that is " + current.status().title().toLowerCase(
                    Locale.ROOT) + " cannot be corrected to " + f.expected().title().toLowerCase(Locale.ROOT)
                    + " by the checker; a person decides.");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE enrollment SET status = ?, earned_on = ?,"
                + " expires_on = ?, status_changed_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            update.setString(1, f.expected().name());
            update.setObject(2, f.earnedOn());
            update.setObject(3, f.expiresOn());
            update.setTimestamp(4, Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
            update.setLong(5, current.id());
            update.setLong(6, current.version());
            if (update.executeUpdate() == 0) {
                throw new ConcurrentModificationException("Enrollment " + current.id() + " was changed by someone else"
                        + " meanwhile; it was not corrected. Run the check again.");
            }
        }
        audit.record(c, StatusChanges.AUDIT_TYPE, current.id(), "status " + f.expected().name().toLowerCase(
                Locale.ROOT), Changes.of().field("status", current.status(), f.expected())
                        .field("earnedOn", current.earnedOn(), f.earnedOn())
                        .field("expiresOn", current.expiresOn(), f.expiresOn())
                        .field("reason", null, REASON + f.reason()));
    }
}
