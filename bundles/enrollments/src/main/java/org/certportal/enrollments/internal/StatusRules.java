package org.certportal.enrollments.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * The certification status model as a transition table. Declined, Cancelled, Inactive, Not
 * Completed and Expired are final (enrolling again makes a new enrollment); Expiring is derived and
 * never stored, so nothing moves to or from it.
 */
final class StatusRules {
    private static final Map<CertificationStatus, Set<CertificationStatus>> NEXT = new EnumMap<>(
            CertificationStatus.class);

    static {
        NEXT.put(CertificationStatus.APPLIED, EnumSet.of(CertificationStatus.IN_PROGRESS, CertificationStatus.DECLINED,
                CertificationStatus.CANCELLED));
        NEXT.put(CertificationStatus.IN_PROGRESS, EnumSet.of(CertificationStatus.ACTIVE,
                CertificationStatus.ADMIN_REVIEW, CertificationStatus.EXPIRED, CertificationStatus.NOT_COMPLETED,
                CertificationStatus.INACTIVE, CertificationStatus.CANCELLED));
        NEXT.put(CertificationStatus.ADMIN_REVIEW, EnumSet.of(CertificationStatus.ACTIVE, CertificationStatus.DECLINED,
                CertificationStatus.CANCELLED));
        NEXT.put(CertificationStatus.ACTIVE, EnumSet.of(CertificationStatus.EXPIRED, CertificationStatus.INACTIVE,
                CertificationStatus.CANCELLED));
    }

    private StatusRules() {
    }

    static boolean allowed(CertificationStatus from, CertificationStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** @throws IllegalArgumentException with a sentence when the move is not allowed */
    static void check(CertificationStatus from, CertificationStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalArgumentException("An enrollment that is " + from.title().toLowerCase(java.util.Locale.ROOT)
                    + " cannot become " + to.title().toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }
}
