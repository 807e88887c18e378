package org.certportal.enrollments.api;

import java.time.LocalDate;

/**
 * The completion deadline shown for an enrollment, derived from its grace-period-begins and
 * expiration dates (it is never stored).
 *
 * @param completeBy  the date that matters now, or null when none does (earned without expiry, closed)
 * @param explanation one sentence for the user
 */
public record CompletionDeadline(LocalDate completeBy, Phase phase, String explanation) {

    /** Which of the enrollment's dates the deadline is. */
    public enum Phase {
        /** before the grace period: the deadline is the day the grace period begins */
        BEFORE_GRACE_PERIOD,
        /** in the grace period: the deadline is the expiration date */
        GRACE_PERIOD,
        /** past the expiration date without earning */
        EXPIRED,
        /** earned: the date is when the certification expires */
        EARNED,
        /** cancelled, declined, inactive or not completed */
        CLOSED
    }
}
