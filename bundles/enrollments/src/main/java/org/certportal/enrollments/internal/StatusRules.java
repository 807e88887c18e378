package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * The certification status model as a transition table. Declined, Cancelled, Inactive, Not
 * Completed and Expired are final (enrolling again makes a new enrollment); Expiring is derived and
 * never stored, so nothing moves to or from it. Two narrow paths step outside the table, each through
 * the same door: the consistency checker's corrections ({@link #allowedAsCorrection}) and the revert of
 * a change its caller recorded ({@link #allowedAsRevert}).
 */
final class StatusRules {
    private static final Map<CertificationStatus, Set<CertificationStatus>> NEXT = new EnumMap<>(
            CertificationStatus.class);

    static {
        NEXT.put(CertificationStatus.APPLIED, EnumSet.of(CertificationStatus.IN_PROGRESS, CertificationStatus.DECLINED,
                CertificationStatus.CANCELLED));
        NEXT.put(CertificationStatus.IN_PROGRESS, EnumSet.of(CertificationStatus.ACTIVE,
                CertificationStatus.ADMIN_REVIEW, CertificationStatus.AWAITING_PAYMENT, CertificationStatus.EXPIRED, CertificationStatus.NOT_COMPLETED,
                CertificationStatus.INACTIVE, CertificationStatus.CANCELLED));
        // the fee is paid (earned), or the enrollment is given up; requirements once met stay met
        NEXT.put(CertificationStatus.AWAITING_PAYMENT, EnumSet.of(CertificationStatus.ACTIVE,
                CertificationStatus.ADMIN_REVIEW, CertificationStatus.CANCELLED));
        // an Admin Review is resolved: approved (Active) or rejected (Not completed), by tracking
        NEXT.put(CertificationStatus.ADMIN_REVIEW, EnumSet.of(CertificationStatus.ACTIVE, CertificationStatus.DECLINED,
                CertificationStatus.NOT_COMPLETED, CertificationStatus.CANCELLED));
        NEXT.put(CertificationStatus.ACTIVE, EnumSet.of(CertificationStatus.EXPIRED, CertificationStatus.INACTIVE,
                CertificationStatus.CANCELLED));
    }

    private StatusRules() {
    }

    static boolean allowed(CertificationStatus from, CertificationStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * A move the consistency checker may make to undo a stored status the rules contradict: any move
     * of the table, and an Active enrollment without an earned date going back to In progress (it was
     * never earned, so Active was a mistake, not a step).
     */
    static boolean allowedAsCorrection(CertificationStatus from, CertificationStatus to, LocalDate earnedOn) {
        return allowed(from, to)
                || from == CertificationStatus.ACTIVE && to == CertificationStatus.IN_PROGRESS && earnedOn == null;
    }

    /**
     * A revert: the enrollment goes back to the status it had before one recorded change, which must still be
     * its latest (the door's version guard sees to that). Allowed exactly when the table allows the move being
     * undone, {@code to → from}: an Expired certification that a mass drop expired may become Active again,
     * but a revert never opens a path the table never took (Declined back to Active, say).
     */
    static boolean allowedAsRevert(CertificationStatus from, CertificationStatus to) {
        return allowed(to, from);
    }

    /** Why a revert is refused, in a sentence for the user; null when it is allowed. */
    static String revertRefusal(CertificationStatus from, CertificationStatus to) {
        if (allowedAsRevert(from, to)) {
            return null;
        }
        return "An enrollment that is " + from.title().toLowerCase(java.util.Locale.ROOT) + " cannot go back to "
                + to.title().toLowerCase(java.util.Locale.ROOT) + ": no change of the status rules leads from "
                + to.title().toLowerCase(java.util.Locale.ROOT) + " to " + from.title().toLowerCase(java.util.Locale.ROOT)
                + ".";
    }

    /** Why the move is refused, in a sentence for the user; null when it is allowed. */
    static String refusal(CertificationStatus from, CertificationStatus to, LocalDate earnedOn, boolean correction) {
        if (correction ? allowedAsCorrection(from, to, earnedOn) : allowed(from, to)) {
            return null;
        }
        return "An enrollment that is " + from.title().toLowerCase(java.util.Locale.ROOT) + " cannot become "
                + to.title().toLowerCase(java.util.Locale.ROOT) + (correction ? " by a correction; a person decides."
                        : ".");
    }

    /** @throws IllegalArgumentException with a sentence when the move is not allowed */
    static void check(CertificationStatus from, CertificationStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalArgumentException("An enrollment that is " + from.title().toLowerCase(java.util.Locale.ROOT)
                    + " cannot become " + to.title().toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }
}
