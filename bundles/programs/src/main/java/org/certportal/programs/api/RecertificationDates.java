package org.certportal.programs.api;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * The dates of a maintenance program's next cycle (recertification), from the program's
 * {@link ProgramOptions#recertificationBasis()}:
 * <ul>
 * <li>{@link RecertificationBasis#COMPLETION_DATE}: starts on the date the previous cycle was earned
 * and expires {@code validityMonths} later;</li>
 * <li>{@link RecertificationBasis#PREVIOUS_EXPIRATION}: starts on the previous cycle's expiration date
 * (the earned date when the previous cycle had none) and expires {@code validityMonths} later;</li>
 * <li>{@link RecertificationBasis#FIXED_DATE}: starts on the earned date and expires on the first
 * {@code fixedRecertificationDay} on or after the earned date plus {@code validityMonths}; 29 February
 * falls on 28 February in years without it.</li>
 * </ul>
 * Months are added as calendar months: 31 January plus one month is the last day of February. A
 * validity of 0 months means the certification does not expire: the cycle has no expiration date.
 */
public final class RecertificationDates {

    /**
     * @param starts  the first day of the cycle
     * @param expires the day it expires, or null when the program's certifications do not expire
     */
    public record Cycle(LocalDate starts, LocalDate expires) {
    }

    private RecertificationDates() {
    }

    /**
     * @param options            the program's options (the enrollment's rule version)
     * @param earned             the date the previous cycle was earned
     * @param previousExpiration the previous cycle's expiration date, or null when it had none
     * @throws IllegalArgumentException when the earned date is missing, or a fixed-date program names no day
     */
    public static Cycle next(ProgramOptions options, LocalDate earned, LocalDate previousExpiration) {
        Objects.requireNonNull(options, "options");
        if (earned == null) {
            throw new IllegalArgumentException("The date the previous cycle was earned is required.");
        }
        RecertificationBasis basis = options.recertificationBasis() == null ? RecertificationBasis.COMPLETION_DATE
                : options.recertificationBasis();
        int months = options.validityMonths();
        switch (basis) {
        case PREVIOUS_EXPIRATION: {
            LocalDate starts = previousExpiration == null ? earned : previousExpiration;
            return new Cycle(starts, months == 0 ? null : starts.plusMonths(months));
        }
        case FIXED_DATE: {
            MonthDay day = options.fixedRecertificationDay();
            if (day == null) {
                throw new IllegalArgumentException("A program recertifying on a fixed date needs that day of the year.");
            }
            return new Cycle(earned, months == 0 ? null : onOrAfter(day, earned.plusMonths(months)));
        }
        default:
            return new Cycle(earned, months == 0 ? null : earned.plusMonths(months));
        }
    }

    /** The first date falling on {@code day} that is not before {@code from} (MonthDay.atYear turns 29 Feb into 28 Feb). */
    static LocalDate onOrAfter(MonthDay day, LocalDate from) {
        LocalDate candidate = day.atYear(from.getYear());
        return candidate.isBefore(from) ? day.atYear(from.getYear() + 1) : candidate;
    }
}
