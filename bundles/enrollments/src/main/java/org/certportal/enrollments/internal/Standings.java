package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Standing;

/**
 * Which tracker an enrollment counts in on a day. {@link EnrollmentQueries} says the same in SQL;
 * a test holds the two together.
 */
final class Standings {
    /** Statuses that end an enrollment without a tracker. */
    static final Set<CertificationStatus> CLOSED = EnumSet.of(CertificationStatus.CANCELLED,
            CertificationStatus.DECLINED, CertificationStatus.INACTIVE, CertificationStatus.NOT_COMPLETED);
    /** Earned statuses (EXPIRING is one, but it is never stored). */
    static final Set<CertificationStatus> EARNED = EnumSet.of(CertificationStatus.ACTIVE,
            CertificationStatus.ADMIN_REVIEW, CertificationStatus.EXPIRING);
    /** Working towards the certification. */
    static final Set<CertificationStatus> STUDYING = EnumSet.of(CertificationStatus.IN_PROGRESS,
            CertificationStatus.APPLIED);

    private Standings() {
    }

    static Standing of(CertificationStatus status, LocalDate gracePeriodBegins, LocalDate expiresOn, LocalDate today) {
        if (CLOSED.contains(status)) {
            return Standing.CLOSED;
        }
        if (status == CertificationStatus.EXPIRED || expiresOn != null && expiresOn.isBefore(today)) {
            return Standing.EXPIRED;
        }
        if (EARNED.contains(status)) {
            return Standing.EARNED;
        }
        return today.isBefore(gracePeriodBegins) ? Standing.ENROLLED : Standing.GRACE_PERIOD;
    }

    /** Purge candidates: closed, marked expired, or past the expiration date without being earned. */
    static boolean purgeable(CertificationStatus status, LocalDate expiresOn, LocalDate today) {
        return CLOSED.contains(status) || status == CertificationStatus.EXPIRED
                || STUDYING.contains(status) && expiresOn != null && expiresOn.isBefore(today);
    }
}
