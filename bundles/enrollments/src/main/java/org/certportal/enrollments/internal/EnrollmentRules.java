package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationDates;

/**
 * Whether one contact may be enrolled in a program, and on which terms: refused when
 * already enrolled, or already certified in a program that is not a maintenance program; a current
 * earner of a maintenance program enrolls for the next cycle.
 */
final class EnrollmentRules {

    /** The outcome for one contact: exactly one of {@code terms} and {@code refusal} is set. */
    record Decision(Terms terms, String refusal) {
        static Decision refuse(String reason) {
            return new Decision(null, reason);
        }
    }

    /** What a new enrollment starts with. */
    record Terms(int cycle, EnrollmentDates.Dates dates, CertificationStatus status) {
    }

    private EnrollmentRules() {
    }

    /**
     * @param prior the contact's earlier enrollments in this program
     */
    static Decision decide(boolean contactExists, List<Enrollment> prior, ProgramOptions options, LocalDate enrolledOn,
            LocalDate today) {
        if (!contactExists) {
            return Decision.refuse("No such contact.");
        }
        Optional<Enrollment> studying = prior.stream()
                .filter(e -> Standings.STUDYING.contains(e.status()) && !e.expiresOn().isBefore(today)).findFirst();
        if (studying.isPresent()) {
            return Decision.refuse("Already enrolled since " + studying.get().enrolledOn() + " ("
                    + studying.get().status().title().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        CertificationStatus status = options.requiresApproval() ? CertificationStatus.APPLIED
                : CertificationStatus.IN_PROGRESS;
        Optional<Enrollment> certified = prior.stream().filter(e -> Standings.EARNED.contains(e.status())
                && (e.expiresOn() == null || !e.expiresOn().isBefore(today))).findFirst();
        if (certified.isPresent()) {
            Enrollment earned = certified.get();
            if (!options.maintenance()) {
                return Decision.refuse("Already certified (earned on " + earned.earnedOn() + ").");
            }
            LocalDate expires = RecertificationDates.next(options, earned.earnedOn(), earned.expiresOn()).expires();
            return new Decision(new Terms(earned.cycle() + 1,
                    EnrollmentDates.forNextCycle(enrolledOn, expires, options), status), null);
        }
        // a first enrollment, or again after a cancel or an expiry: the cycle after the last one earned
        int cycle = prior.stream().filter(e -> e.earnedOn() != null).map(Enrollment::cycle)
                .max(Comparator.naturalOrder()).map(c -> c + 1).orElse(1);
        return new Decision(new Terms(cycle, EnrollmentDates.onEnrolling(enrolledOn, options), status), null);
    }
}
