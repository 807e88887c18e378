package org.certportal.process.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.certportal.process.api.Recurrence;

/**
 * When a schedule fires. Occurrence n is the first local date-time plus n days, weeks or months
 * (always counted from the first, so a monthly schedule on the 31st fires on the 30th in April and
 * on the 31st again in May), read in the schedule's zone: a local time skipped by a daylight-saving
 * change fires that much later, a repeated one fires once, at its first instant.
 *
 * <p>A schedule missed while the portal was down fires once when it is next looked at, then at its
 * first occurrence after that moment: never once per missed occurrence.
 */
final class ScheduleTimes {
    /** How far in the past a new schedule's first time may be (a form filled in slowly), as "now". */
    static final Duration PAST_GRACE = Duration.ofMinutes(5);

    private ScheduleTimes() {
    }

    static Instant occurrence(LocalDateTime first, ZoneId zone, Recurrence recurrence, long n) {
        LocalDateTime local = switch (recurrence) {
            case NONE -> first;
            case DAILY -> first.plusDays(n);
            case WEEKLY -> first.plusWeeks(n);
            case MONTHLY -> first.plusMonths(n);
        };
        return ZonedDateTime.of(local, zone).toInstant();
    }

    /** The first occurrence strictly after {@code after}; empty when a one-time schedule's time has passed. */
    static Optional<Instant> nextAfter(LocalDateTime first, ZoneId zone, Recurrence recurrence, Instant after) {
        Instant firstAt = occurrence(first, zone, recurrence, 0);
        if (firstAt.isAfter(after)) {
            return Optional.of(firstAt);
        }
        if (recurrence == Recurrence.NONE) {
            return Optional.empty();
        }
        LocalDateTime afterLocal = LocalDateTime.ofInstant(after, zone);
        ChronoUnit unit = switch (recurrence) {
            case DAILY -> ChronoUnit.DAYS;
            case WEEKLY -> ChronoUnit.WEEKS;
            default -> ChronoUnit.MONTHS;
        };
        // start a little before the estimate: zone offsets and month lengths make it inexact
        long n = Math.max(0, unit.between(first, afterLocal) - 1);
        Instant at = occurrence(first, zone, recurrence, n);
        while (!at.isAfter(after)) {
            at = occurrence(first, zone, recurrence, ++n);
        }
        return Optional.of(at);
    }

    /**
     * The next time of a schedule that fires now: its first occurrence after now, so that missed
     * occurrences are not made up. Empty for a one-time schedule, which is then done.
     */
    static Optional<Instant> afterFiring(LocalDateTime first, ZoneId zone, Recurrence recurrence, Instant now) {
        return recurrence == Recurrence.NONE ? Optional.empty() : nextAfter(first, zone, recurrence, now);
    }

    /**
     * The first firing of a new or edited schedule.
     *
     * @throws IllegalArgumentException when a one-time schedule's time has passed
     */
    static Instant firstFiring(LocalDateTime first, ZoneId zone, Recurrence recurrence, Instant now) {
        Instant firstAt = occurrence(first, zone, recurrence, 0);
        if (!firstAt.isBefore(now.minus(PAST_GRACE))) {
            return firstAt;
        }
        if (recurrence == Recurrence.NONE) {
            throw new IllegalArgumentException("The time " + first + " (" + zone.getId() + ") has passed; give a time"
                    + " in the future.");
        }
        return nextAfter(first, zone, recurrence, now).orElseThrow();
    }
}
