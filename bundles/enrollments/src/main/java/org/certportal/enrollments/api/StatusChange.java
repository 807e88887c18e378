package org.certportal.enrollments.api;

import java.time.LocalDate;

/**
 * One enrollment's move to another status, for {@link EnrollmentService#changeStatus}.
 *
 * @param expectedVersion the version the caller read the enrollment at (a stale one fails the whole
 *                        call), or null to move the enrollment as it is stored now
 * @param reason          why, in words for the audit log; may be null
 * @param earned          the earned and expiration dates the move sets (moves that earn), or null to
 *                        keep the stored ones
 * @param revert          the move undoes one recorded change of the caller's, returning the enrollment to the
 *                        status it had before it (see {@link #revert}); since 1.6
 */
public record StatusChange(long enrollmentId, Long expectedVersion, CertificationStatus to, String reason,
        Earned earned, boolean revert) {

    /** The dates an earning move sets: when it was earned, and when the certification expires (null: never). */
    public record Earned(LocalDate on, LocalDate expiresOn) {
    }

    public StatusChange {
        if (to == null) {
            throw new IllegalArgumentException("Choose the status to move the enrollment to.");
        }
        if (revert && (expectedVersion == null || earned != null)) {
            throw new IllegalArgumentException("A revert names the version the change it undoes left, and keeps the"
                    + " enrollment's dates.");
        }
    }

    /** A move checked by the status rules (the 1.5 shape). */
    public StatusChange(long enrollmentId, Long expectedVersion, CertificationStatus to, String reason,
            Earned earned) {
        this(enrollmentId, expectedVersion, to, reason, earned, false);
    }

    /** A move of the enrollment as it is stored now, keeping its dates. */
    public static StatusChange of(long enrollmentId, CertificationStatus to, String reason) {
        return new StatusChange(enrollmentId, null, to, reason, null);
    }

    /**
     * Undoes one status change the caller recorded (e.g. a mass drop's row), returning the enrollment to the
     * status it had before: allowed when the status rules allow the move being undone ({@code back} to the
     * current status), and only while that change is still the enrollment's latest, which the version it
     * left guards (any later change makes the whole call stale). The dates are kept. Since 1.6.
     *
     * @param versionAfterChange the enrollment's version right after the change being undone
     * @param back               the status the enrollment had before that change
     */
    public static StatusChange revert(long enrollmentId, long versionAfterChange, CertificationStatus back,
            String reason) {
        return new StatusChange(enrollmentId, versionAfterChange, back, reason, null, true);
    }

    /** The same move, refused as stale unless the enrollment is still at this version. */
    public StatusChange expecting(long version) {
        return new StatusChange(enrollmentId, version, to, reason, earned, revert);
    }

    /** The same move, setting the earned date and the certification's expiration date. */
    public StatusChange earning(LocalDate on, LocalDate expiresOn) {
        return new StatusChange(enrollmentId, expectedVersion, to, reason, new Earned(on, expiresOn), revert);
    }
}
