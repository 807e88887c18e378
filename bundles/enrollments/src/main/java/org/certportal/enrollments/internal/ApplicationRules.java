package org.certportal.enrollments.internal;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.CertificationStatus;

/**
 * Which decisions an application allows from which status, when a reason is needed, and where each
 * decision takes the application's enrollment. Submitted and Under review are open; Approved, Rejected
 * and Withdrawn are final. The enrollment follows through the status door: approved → In progress,
 * rejected → Declined, withdrawn → Cancelled (the applicant stepped back; Applied → Cancelled is a move
 * of {@link StatusRules}, and a cancelled enrollment is closed, so the contact may apply again).
 */
final class ApplicationRules {
    private static final Map<ApplicationStatus, Set<ApplicationStatus>> NEXT = new EnumMap<>(ApplicationStatus.class);

    static {
        NEXT.put(ApplicationStatus.SUBMITTED, EnumSet.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED,
                ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN));
        NEXT.put(ApplicationStatus.UNDER_REVIEW, EnumSet.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED,
                ApplicationStatus.WITHDRAWN));
    }

    private ApplicationRules() {
    }

    static boolean allowed(ApplicationStatus from, ApplicationStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** The decisions open to an application in this status, in the order a page offers them. */
    static Set<ApplicationStatus> next(ApplicationStatus from) {
        return NEXT.getOrDefault(from, Set.of());
    }

    /** Rejecting and withdrawing say why; the applicant is told. */
    static boolean needsReason(ApplicationStatus to) {
        return to == ApplicationStatus.REJECTED || to == ApplicationStatus.WITHDRAWN;
    }

    /** A decision that closes the application (who and when are recorded); Under review is none. */
    static boolean final_(ApplicationStatus to) {
        return to == ApplicationStatus.APPROVED || needsReason(to);
    }

    /** Where the decision takes the enrollment; empty when it stays Applied. */
    static Optional<CertificationStatus> enrollmentStatus(ApplicationStatus to) {
        return Optional.ofNullable(switch (to) {
        case APPROVED -> CertificationStatus.IN_PROGRESS;
        case REJECTED -> CertificationStatus.DECLINED;
        case WITHDRAWN -> CertificationStatus.CANCELLED;
        default -> null;
        });
    }

    /** The decision an open application takes when its Applied enrollment is moved there another way. */
    static Optional<ApplicationStatus> following(CertificationStatus enrollmentTo) {
        return Optional.ofNullable(switch (enrollmentTo) {
        case IN_PROGRESS -> ApplicationStatus.APPROVED;
        case DECLINED -> ApplicationStatus.REJECTED;
        case CANCELLED -> ApplicationStatus.WITHDRAWN;
        default -> null;
        });
    }

    /**
     * Checks the decision and returns the cleaned reason (null when none).
     *
     * @throws IllegalArgumentException with a sentence for the user
     */
    static String check(ApplicationStatus from, ApplicationStatus to, String reason) {
        if (to == null) {
            throw new IllegalArgumentException("Choose the decision: under review, approved, rejected or withdrawn.");
        }
        if (!allowed(from, to)) {
            throw new IllegalArgumentException(from.open()
                    ? "An application that is " + word(from) + " cannot become " + word(to) + "."
                    : "The application was " + word(from) + " already; a decided application stays as it is.");
        }
        String why = EnrollmentChanges.reason(reason);
        if (why == null && needsReason(to)) {
            throw new IllegalArgumentException("Give the reason why the application is " + word(to) + ".");
        }
        return why;
    }

    private static String word(ApplicationStatus s) {
        return s.title().toLowerCase(Locale.ROOT);
    }
}
