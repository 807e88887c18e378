package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.Requirement;

/**
 * What an enrollment's stored status should be by the rules (used by the consistency checker):
 * an earned date means earned, an expiration date before today means expired (a certification
 * expiring today is still valid, as in {@link Standings}), and every requirement complete means
 * earned, or awaiting payment when the certification has a fee. Final statuses, Admin review (a person
 * decides there) and Awaiting payment (only the payment earns) are left alone.
 */
public final class ConsistencyRules {
    /** The statuses an earned date contradicts ({@link ConsistencyQueries} selects by the same list). */
    static final List<CertificationStatus> NOT_EARNED = List.of(CertificationStatus.IN_PROGRESS,
            CertificationStatus.APPLIED, CertificationStatus.NOT_COMPLETED);

    /**
     * A stored status that disagrees with the rules.
     *
     * @param earnedOn  the earned date it should have (the stored one unless the requirements say otherwise)
     * @param expiresOn the expiration date it should have (likewise)
     * @param correctable whether the checker may correct it ({@link StatusRules#allowedAsCorrection});
     *        otherwise a person decides
     */
    public record Finding(CertificationStatus stored, CertificationStatus expected, LocalDate earnedOn,
            LocalDate expiresOn, String reason, boolean correctable) {
        /** e.g. {@code status IN_PROGRESS → EXPIRED: expired on 2026-01-31}. */
        public String diff() {
            return "status " + stored + " → " + expected + ": " + reason;
        }
    }

    private ConsistencyRules() {
    }

    /**
     * @param options the program's options under the enrollment's rule version (what earning leads to)
     * @param requirementsCompleteOn when every requirement was complete (see {@link #completeOn}); null
     *        when they are not, or nobody records them
     * @return empty when the stored status agrees with the rules
     */
    public static Optional<Finding> check(Enrollment e, LocalDate today, ProgramOptions options,
            LocalDate requirementsCompleteOn) {
        CertificationStatus status = e.status();
        if (status == CertificationStatus.ACTIVE) {
            if (e.earnedOn() == null) {
                return expired(e.expiresOn(), today)
                        ? finding(e, CertificationStatus.EXPIRED, "active without an earned date and expired on "
                                + e.expiresOn())
                        : finding(e, CertificationStatus.IN_PROGRESS, "active without an earned date");
            }
            return expired(e.expiresOn(), today)
                    ? finding(e, CertificationStatus.EXPIRED, "the certification expired on " + e.expiresOn())
                    : Optional.empty();
        }
        if (!NOT_EARNED.contains(status)) {
            return Optional.empty();
        }
        if (e.earnedOn() != null) {
            CertificationStatus to = earned(e.expiresOn(), today, options);
            return finding(e, to, "earned on " + e.earnedOn() + " but " + title(status)
                    + (to == CertificationStatus.EXPIRED ? "; the certification expired on " + e.expiresOn() : ""));
        }
        if (status != CertificationStatus.IN_PROGRESS) {
            return Optional.empty();
        }
        if (requirementsCompleteOn != null
                && (e.expiresOn() == null || !requirementsCompleteOn.isAfter(e.expiresOn()))) {
            LocalDate earnedOn = requirementsCompleteOn.isBefore(e.enrolledOn()) ? e.enrolledOn()
                    : requirementsCompleteOn.isAfter(today) ? today : requirementsCompleteOn;
            if (Earning.hasFee(options)) {
                // met but not paid: the payment earns it, never the checker
                return finding(e, CertificationStatus.AWAITING_PAYMENT, "every requirement complete (the last on "
                        + earnedOn + ") and the fee not paid");
            }
            LocalDate certificationExpires = EnrollmentDates.certificationExpires(earnedOn, options.validityMonths());
            CertificationStatus to = earned(certificationExpires, today, options);
            String reason = "every requirement complete (the last on " + earnedOn + ") but not earned"
                    + (to == CertificationStatus.EXPIRED ? "; the certification expired on " + certificationExpires
                            : "");
            return Optional.of(new Finding(status, to, earnedOn, certificationExpires, reason,
                    correctable(status, to, earnedOn)));
        }
        return expired(e.expiresOn(), today) ? finding(e, CertificationStatus.EXPIRED, "expired on " + e.expiresOn())
                : Optional.empty();
    }

    /** Whether the requirements matter to {@link #check}: only for an enrollment in progress and not earned. */
    public static boolean needsRequirements(Enrollment e) {
        return e.status() == CertificationStatus.IN_PROGRESS && e.earnedOn() == null;
    }

    /**
     * When the last of the requirements was completed, or null when one is not complete (or there are
     * none: an empty program is never earned by itself). Completions recorded without a date count as today.
     */
    public static LocalDate completeOn(List<Requirement> requirements, Map<Long, RequirementState> states,
            LocalDate today) {
        if (requirements.isEmpty()) {
            return null;
        }
        LocalDate last = null;
        for (Requirement r : requirements) {
            RequirementState s = states.get(r.id());
            if (s == null || !s.complete()) {
                return null;
            }
            LocalDate on = s.completedOn() == null ? today : s.completedOn();
            last = last == null || on.isAfter(last) ? on : last;
        }
        return last;
    }

    private static Optional<Finding> finding(Enrollment e, CertificationStatus to, String reason) {
        return Optional.of(new Finding(e.status(), to, e.earnedOn(), e.expiresOn(), reason,
                correctable(e.status(), to, e.earnedOn())));
    }

    private static boolean correctable(CertificationStatus from, CertificationStatus to, LocalDate earnedOn) {
        return StatusRules.allowedAsCorrection(from, to, earnedOn);
    }

    /** What earning leads to: expired when the certification already has, else Active or Admin review. */
    private static CertificationStatus earned(LocalDate certificationExpires, LocalDate today, ProgramOptions options) {
        if (expired(certificationExpires, today)) {
            return CertificationStatus.EXPIRED;
        }
        return options.adminReviewOfCertification() ? CertificationStatus.ADMIN_REVIEW : CertificationStatus.ACTIVE;
    }

    private static boolean expired(LocalDate expiresOn, LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    private static String title(CertificationStatus status) {
        return status.title().toLowerCase(Locale.ROOT);
    }
}
