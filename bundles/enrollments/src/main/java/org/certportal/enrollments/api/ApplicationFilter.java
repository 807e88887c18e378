package org.certportal.enrollments.api;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which applications to list or select; every part is optional (null or empty: no condition).
 *
 * @param programId      the program applied to
 * @param statuses       any of these statuses
 * @param appliedFrom    applied on this day or later
 * @param appliedThrough applied on this day or earlier
 * @param contactPrefix  start of the contact's family name (any case), or their exact external identifier
 */
public record ApplicationFilter(Long programId, Set<ApplicationStatus> statuses, LocalDate appliedFrom,
        LocalDate appliedThrough, String contactPrefix) {

    public ApplicationFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** Every application. */
    public static ApplicationFilter any() {
        return new ApplicationFilter(null, Set.of(), null, null, null);
    }

    /** Every application to one program. */
    public static ApplicationFilter ofProgram(long programId) {
        return new ApplicationFilter(programId, Set.of(), null, null, null);
    }
}
