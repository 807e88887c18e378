package org.certportal.tracking.api;

import java.time.LocalDate;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * One enrollment a mass drop run changed, as it stands now.
 *
 * @param from         the status the run moved it from
 * @param to           the status the run set
 * @param terminatedOn the run's termination date
 * @param now          the enrollment's status now; null when it no longer exists (purged)
 * @param unchanged    whether nobody changed it since the run: only such rows are moved back by a revert
 * @param reverted     whether a revert moved it back already
 */
public record DroppedRow(long enrollmentId, String contactName, String identifier, CertificationStatus from,
        CertificationStatus to, LocalDate terminatedOn, CertificationStatus now, boolean unchanged, boolean reverted) {

    /** What a revert does, or did, with this row, in words. */
    public String revertSays() {
        if (reverted) {
            return "Moved back to " + from.title();
        }
        if (now == null) {
            return "Left alone: the enrollment no longer exists";
        }
        return unchanged ? "Moves back to " + from.title()
                : "Left alone: changed since (now " + now.title() + ")";
    }
}
