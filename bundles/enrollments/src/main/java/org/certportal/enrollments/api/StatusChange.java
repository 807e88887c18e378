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
 */
public record StatusChange(long enrollmentId, Long expectedVersion, CertificationStatus to, String reason,
        Earned earned) {

    /** The dates an earning move sets: when it was earned, and when the certification expires (null: never). */
    public record Earned(LocalDate on, LocalDate expiresOn) {
    }

    public StatusChange {
        if (to == null) {
            throw new IllegalArgumentException("Choose the status to move the enrollment to.");
        }
    }

    /** A move of the enrollment as it is stored now, keeping its dates. */
    public static StatusChange of(long enrollmentId, CertificationStatus to, String reason) {
        return new StatusChange(enrollmentId, null, to, reason, null);
    }

    /** The same move, refused as stale unless the enrollment is still at this version. */
    public StatusChange expecting(long version) {
        return new StatusChange(enrollmentId, version, to, reason, earned);
    }

    /** The same move, setting the earned date and the certification's expiration date. */
    public StatusChange earning(LocalDate on, LocalDate expiresOn) {
        return new StatusChange(enrollmentId, expectedVersion, to, reason, new Earned(on, expiresOn));
    }
}
