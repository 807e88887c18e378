package org.certportal.programs.api;

import java.math.BigDecimal;
import java.time.MonthDay;

/**
 * The options of a program. All but {@code maintenance} and {@code fee} are rules: changing one while
 * enrollees are judged by the current rules creates a new rule version. The maintenance switch and the
 * fee always follow the program, whatever rule version an enrollee is on.
 *
 * @param requiresApproval         enrolling makes the contact an applicant (Applied) until staff approve
 * @param inOrder                  requirements must be completed in their order
 * @param enrolleesMayCancel       enrollees (and Staff for them) may cancel; otherwise only Certification Admins and up
 * @param maintenance              earners may enroll again for the next cycle
 * @param adminReviewOfCertification earning puts the certification in Admin Review instead of Active
 * @param validityMonths           how long an earned certification stays active (0 = does not expire)
 * @param deadlineMonths           months from enrollment to the completion deadline (grace period begins)
 * @param gracePeriodDays          days from the deadline to expiration
 * @param fee                      zero is free
 * @param recertificationBasis     maintenance programs: where the next cycle starts
 * @param fixedRecertificationDay  with {@link RecertificationBasis#FIXED_DATE}: the day of the year
 */
public record ProgramOptions(boolean requiresApproval, boolean inOrder, boolean enrolleesMayCancel,
        boolean maintenance, boolean adminReviewOfCertification, int validityMonths, int deadlineMonths,
        int gracePeriodDays, BigDecimal fee, RecertificationBasis recertificationBasis, MonthDay fixedRecertificationDay) {

    /** Sensible defaults for a new program: 12 months to complete, 30 days' grace, valid 24 months, free. */
    public static ProgramOptions defaults() {
        return new ProgramOptions(false, false, false, false, false, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
    }

    /** The same options with only the maintenance switch changed (the one edit that is not a rule change). */
    public ProgramOptions withMaintenance(boolean on) {
        return new ProgramOptions(requiresApproval, inOrder, enrolleesMayCancel, on, adminReviewOfCertification,
                validityMonths, deadlineMonths, gracePeriodDays, fee, recertificationBasis, fixedRecertificationDay);
    }
}
