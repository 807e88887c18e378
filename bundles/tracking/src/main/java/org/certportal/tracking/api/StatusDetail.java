package org.certportal.tracking.api;

import java.util.List;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * One enrollment's status with what the caller may do to it.
 *
 * @param manualTargets the statuses the caller may set by hand now (the status rules and their permissions)
 * @param mayReview     whether the caller may resolve the Admin Review this enrollment is in
 * @param history       the status changes, newest first (the latest hundred)
 * @param reminders     the expiry reminders handled for this enrollment, newest first (since 1.1)
 */
public record StatusDetail(TrackingRow row, Set<CertificationStatus> manualTargets, boolean mayReview,
        List<StatusHistoryEntry> history, List<SentReminder> reminders) {
    public StatusDetail {
        manualTargets = Set.copyOf(manualTargets);
        history = List.copyOf(history);
        reminders = List.copyOf(reminders);
    }

    /** Without reminders (the 1.0 shape). */
    public StatusDetail(TrackingRow row, Set<CertificationStatus> manualTargets, boolean mayReview,
            List<StatusHistoryEntry> history) {
        this(row, manualTargets, mayReview, history, List.of());
    }
}
