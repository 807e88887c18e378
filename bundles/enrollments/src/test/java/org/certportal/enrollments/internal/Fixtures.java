package org.certportal.enrollments.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;

/** Small builders for the rule tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** 12 months to the deadline, 30 days' grace, valid 24 months; the flags as given. */
    static ProgramOptions options(boolean requiresApproval, boolean enrolleesMayCancel, boolean maintenance,
            boolean adminReview) {
        return new ProgramOptions(requiresApproval, false, enrolleesMayCancel, maintenance, adminReview, 24, 12, 30,
                BigDecimal.ZERO, RecertificationBasis.COMPLETION_DATE, null);
    }

    static ProgramOptions options(int validityMonths, int deadlineMonths, int graceDays, RecertificationBasis basis,
            MonthDay fixedDay) {
        return new ProgramOptions(false, false, false, true, false, validityMonths, deadlineMonths, graceDays,
                BigDecimal.ZERO, basis, fixedDay);
    }

    static Enrollment enrollment(CertificationStatus status, int cycle, LocalDate enrolledOn, LocalDate graceBegins,
            LocalDate expiresOn, LocalDate earnedOn) {
        return new Enrollment(1, 10, 100, 1, cycle, enrolledOn, graceBegins, expiresOn, earnedOn, status,
                Instant.EPOCH, 1);
    }
}
