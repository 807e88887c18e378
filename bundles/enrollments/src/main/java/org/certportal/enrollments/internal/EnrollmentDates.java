package org.certportal.enrollments.internal;

import java.time.LocalDate;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.CompletionDeadline;
import org.certportal.enrollments.api.CompletionDeadline.Phase;
import org.certportal.programs.api.ProgramOptions;

/**
 * The dates of an enrollment: set on enrolling, checked on editing, and the completion deadline
 * derived from them. The deadline is the day the grace period begins; from that day on, it is the
 * expiration date.
 */
final class EnrollmentDates {

    /** The three editable dates. */
    record Dates(LocalDate enrolledOn, LocalDate gracePeriodBegins, LocalDate expiresOn) {
    }

    private EnrollmentDates() {
    }

    /** Enrolling on {@code enrolledOn}: the grace period begins deadline months later and lasts the grace days. */
    static Dates onEnrolling(LocalDate enrolledOn, ProgramOptions options) {
        LocalDate graceBegins = enrolledOn.plusMonths(options.deadlineMonths());
        return new Dates(enrolledOn, graceBegins, graceBegins.plusDays(options.gracePeriodDays()));
    }

    /**
     * A next cycle of a maintenance program must be complete by the day the current certification
     * expires ({@code cycleExpires}); the grace period is the program's last days before it, never
     * before the enrollment date. A certification without expiry gives the usual deadline.
     */
    static Dates forNextCycle(LocalDate enrolledOn, LocalDate cycleExpires, ProgramOptions options) {
        if (cycleExpires == null || cycleExpires.isBefore(enrolledOn)) {
            return onEnrolling(enrolledOn, options);
        }
        LocalDate graceBegins = cycleExpires.minusDays(options.gracePeriodDays());
        return new Dates(enrolledOn, graceBegins.isBefore(enrolledOn) ? enrolledOn : graceBegins, cycleExpires);
    }

    /** When an earned certification expires: validity months after earning; null (never) with a validity of 0. */
    static LocalDate certificationExpires(LocalDate earnedOn, int validityMonths) {
        return validityMonths == 0 ? null : earnedOn.plusMonths(validityMonths);
    }

    /** The enrollment date of a new enrollment: today by default, never in the future. */
    static LocalDate enrollmentDate(LocalDate requested, LocalDate today) {
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw new IllegalArgumentException("The enrollment date " + requested + " is in the future; enroll on "
                    + today + " or earlier.");
        }
        return requested;
    }

    /**
     * Checks edited dates. An earned certification may have no expiration date (it does not
     * expire); otherwise all three are required.
     */
    static Dates checkEdit(Dates d, boolean earned, LocalDate today) {
        if (d.enrolledOn() == null || d.gracePeriodBegins() == null) {
            throw new IllegalArgumentException("The enrollment date and the day the grace period begins are required.");
        }
        if (d.expiresOn() == null && !earned) {
            throw new IllegalArgumentException("The expiration date is required until the certification is earned.");
        }
        if (d.enrolledOn().isAfter(today)) {
            throw new IllegalArgumentException("The enrollment date " + d.enrolledOn() + " is in the future.");
        }
        if (d.gracePeriodBegins().isBefore(d.enrolledOn())) {
            throw new IllegalArgumentException("The grace period cannot begin (" + d.gracePeriodBegins()
                    + ") before the enrollment date (" + d.enrolledOn() + ").");
        }
        if (d.expiresOn() != null && d.expiresOn().isBefore(d.gracePeriodBegins())) {
            throw new IllegalArgumentException("The expiration date (" + d.expiresOn()
                    + ") cannot come before the grace period begins (" + d.gracePeriodBegins() + ").");
        }
        return d;
    }

    /** The completion deadline shown on {@code today}, and what it means. */
    static CompletionDeadline deadline(CertificationStatus status, LocalDate gracePeriodBegins, LocalDate expiresOn,
            LocalDate earnedOn, LocalDate today) {
        switch (Standings.of(status, gracePeriodBegins, expiresOn, today)) {
        case CLOSED:
            return new CompletionDeadline(null, Phase.CLOSED,
                    "No deadline: the enrollment is " + status.title().toLowerCase(java.util.Locale.ROOT) + ".");
        case EARNED:
            return new CompletionDeadline(expiresOn, Phase.EARNED, "Earned" + (earnedOn == null ? "" : " on " + earnedOn)
                    + (expiresOn == null ? "; the certification does not expire." : "; the certification expires on "
                            + expiresOn + "."));
        case EXPIRED:
            return new CompletionDeadline(expiresOn, Phase.EXPIRED, expiresOn == null ? "Expired."
                    : "Expired: the expiration date " + expiresOn + " has passed.");
        case GRACE_PERIOD:
            return new CompletionDeadline(expiresOn, Phase.GRACE_PERIOD, "Grace period since " + gracePeriodBegins
                    + ": complete by " + expiresOn + " or the enrollment expires.");
        default:
            return new CompletionDeadline(gracePeriodBegins, Phase.BEFORE_GRACE_PERIOD, "Complete before "
                    + gracePeriodBegins + " to avoid the grace period (which ends on " + expiresOn + ").");
        }
    }
}
