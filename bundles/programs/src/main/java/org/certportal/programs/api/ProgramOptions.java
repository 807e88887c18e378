package org.certportal.programs.api;

import java.math.BigDecimal;
import java.time.MonthDay;

/**
 * The options of a program. All but {@code maintenance}, {@code fee}, {@code currency} and
 * {@code applicationRequired} are rules: changing one while enrollees are judged by the current rules
 * creates a new rule version. Those always follow the program, whatever rule version an enrollee is on.
 *
 * @param requiresApproval         enrolling makes the contact an applicant (Applied) until staff approve
 * @param inOrder                  requirements must be completed in their order
 * @param enrolleesMayCancel       enrollees (and Staff for them) may cancel; otherwise only Certification Admins and up
 * @param maintenance              earners may enroll again for the next cycle
 * @param adminReviewOfCertification earning puts the certification in Admin Review instead of Active
 * @param validityMonths           how long an earned certification stays active (0 = does not expire)
 * @param deadlineMonths           months from enrollment to the completion deadline (grace period begins)
 * @param gracePeriodDays          days from the deadline to expiration
 * @param fee                      zero is free; what an order to pay for the certification amounts to
 * @param recertificationBasis     maintenance programs: where the next cycle starts
 * @param fixedRecertificationDay  with {@link RecertificationBasis#FIXED_DATE}: the day of the year
 * @param applicationRequired      the program has a related application: contacts apply (the
 *                                 enrollments feature's applications) and staff decide (since 1.1)
 * @param currency                 the fee's currency, an ISO 4217 code such as USD (since 1.2; USD unless set)
 */
public record ProgramOptions(boolean requiresApproval, boolean inOrder, boolean enrolleesMayCancel,
        boolean maintenance, boolean adminReviewOfCertification, int validityMonths, int deadlineMonths,
        int gracePeriodDays, BigDecimal fee, RecertificationBasis recertificationBasis, MonthDay fixedRecertificationDay,
        boolean applicationRequired, String currency) {
    /** The currency of programs that never chose one. */
    public static final String DEFAULT_CURRENCY = "USD";

    /** Options in the default currency (the options as they were before 1.2). */
    public ProgramOptions(boolean requiresApproval, boolean inOrder, boolean enrolleesMayCancel, boolean maintenance,
            boolean adminReviewOfCertification, int validityMonths, int deadlineMonths, int gracePeriodDays,
            BigDecimal fee, RecertificationBasis recertificationBasis, MonthDay fixedRecertificationDay,
            boolean applicationRequired) {
        this(requiresApproval, inOrder, enrolleesMayCancel, maintenance, adminReviewOfCertification, validityMonths,
                deadlineMonths, gracePeriodDays, fee, recertificationBasis, fixedRecertificationDay, applicationRequired,
                DEFAULT_CURRENCY);
    }

    /** Options without a related application (the options as they were before 1.1). */
    public ProgramOptions(boolean requiresApproval, boolean inOrder, boolean enrolleesMayCancel, boolean maintenance,
            boolean adminReviewOfCertification, int validityMonths, int deadlineMonths, int gracePeriodDays,
            BigDecimal fee, RecertificationBasis recertificationBasis, MonthDay fixedRecertificationDay) {
        this(requiresApproval, inOrder, enrolleesMayCancel, maintenance, adminReviewOfCertification, validityMonths,
                deadlineMonths, gracePeriodDays, fee, recertificationBasis, fixedRecertificationDay, false);
    }

    /** Sensible defaults for a new program: 12 months to complete, 30 days' grace, valid 24 months, free. */
    public static ProgramOptions defaults() {
        return new ProgramOptions(false, false, false, false, false, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
    }

    /** The same options with only the maintenance switch changed (the one edit that is not a rule change). */
    public ProgramOptions withMaintenance(boolean on) {
        return new ProgramOptions(requiresApproval, inOrder, enrolleesMayCancel, on, adminReviewOfCertification,
                validityMonths, deadlineMonths, gracePeriodDays, fee, recertificationBasis, fixedRecertificationDay,
                applicationRequired, currency);
    }

    /** The same options with only the related-application switch changed (not a rule change either). */
    public ProgramOptions withApplicationRequired(boolean on) {
        return new ProgramOptions(requiresApproval, inOrder, enrolleesMayCancel, maintenance,
                adminReviewOfCertification, validityMonths, deadlineMonths, gracePeriodDays, fee, recertificationBasis,
                fixedRecertificationDay, on, currency);
    }

    /** The same options with only the fee and its currency changed (not a rule change: the fee follows the program). */
    public ProgramOptions withFee(BigDecimal newFee, String newCurrency) {
        return new ProgramOptions(requiresApproval, inOrder, enrolleesMayCancel, maintenance,
                adminReviewOfCertification, validityMonths, deadlineMonths, gracePeriodDays, newFee, recertificationBasis,
                fixedRecertificationDay, applicationRequired, newCurrency);
    }

    /** Whether enrolling costs nothing (no order to pay). */
    public boolean isFree() {
        return fee == null || fee.signum() == 0;
    }
}
