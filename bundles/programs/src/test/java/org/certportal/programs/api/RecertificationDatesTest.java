package org.certportal.programs.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;

import org.certportal.programs.api.RecertificationDates.Cycle;
import org.junit.jupiter.api.Test;

class RecertificationDatesTest {

    private static ProgramOptions options(RecertificationBasis basis, int validityMonths, MonthDay day) {
        return new ProgramOptions(false, false, false, true, false, validityMonths, 12, 30, BigDecimal.ZERO, basis,
                day);
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void completionDateStartsOnTheEarnedDate() {
        Cycle c = RecertificationDates.next(options(RecertificationBasis.COMPLETION_DATE, 24, null), d(2026, 3, 10),
                d(2026, 6, 30));
        assertEquals(new Cycle(d(2026, 3, 10), d(2028, 3, 10)), c);
    }

    @Test
    void completionDateAtAMonthEndEndsOnTheLastDayOfTheShortMonth() {
        assertEquals(new Cycle(d(2026, 1, 31), d(2026, 2, 28)), RecertificationDates
                .next(options(RecertificationBasis.COMPLETION_DATE, 1, null), d(2026, 1, 31), null));
        assertEquals(new Cycle(d(2027, 1, 31), d(2028, 2, 29)), RecertificationDates
                .next(options(RecertificationBasis.COMPLETION_DATE, 13, null), d(2027, 1, 31), null));
        // a leap day plus whole years lands on 28 February
        assertEquals(d(2025, 2, 28), RecertificationDates
                .next(options(RecertificationBasis.COMPLETION_DATE, 12, null), d(2024, 2, 29), null).expires());
        assertEquals(d(2028, 2, 29), RecertificationDates
                .next(options(RecertificationBasis.COMPLETION_DATE, 48, null), d(2024, 2, 29), null).expires());
    }

    @Test
    void previousExpirationStartsWhereTheLastCycleEnded() {
        assertEquals(new Cycle(d(2026, 6, 30), d(2027, 6, 30)), RecertificationDates
                .next(options(RecertificationBasis.PREVIOUS_EXPIRATION, 12, null), d(2026, 3, 10), d(2026, 6, 30)));
        assertEquals(new Cycle(d(2026, 8, 31), d(2026, 11, 30)), RecertificationDates
                .next(options(RecertificationBasis.PREVIOUS_EXPIRATION, 3, null), d(2026, 3, 10), d(2026, 8, 31)));
    }

    @Test
    void previousExpirationWithoutOneStartsOnTheEarnedDate() {
        assertEquals(new Cycle(d(2026, 3, 10), d(2027, 3, 10)), RecertificationDates
                .next(options(RecertificationBasis.PREVIOUS_EXPIRATION, 12, null), d(2026, 3, 10), null));
    }

    @Test
    void fixedDateIsTheFirstSuchDayOnOrAfterTheValidityEnds() {
        MonthDay dec31 = MonthDay.of(12, 31);
        // validity ends 2027-03-10; the next 31 December is in 2027
        assertEquals(new Cycle(d(2026, 3, 10), d(2027, 12, 31)), RecertificationDates
                .next(options(RecertificationBasis.FIXED_DATE, 12, dec31), d(2026, 3, 10), null));
        MonthDay jun30 = MonthDay.of(6, 30);
        // exactly on the day: that day
        assertEquals(d(2027, 6, 30), RecertificationDates
                .next(options(RecertificationBasis.FIXED_DATE, 12, jun30), d(2026, 6, 30), null).expires());
        // one day past it: a year later
        assertEquals(d(2028, 6, 30), RecertificationDates
                .next(options(RecertificationBasis.FIXED_DATE, 12, jun30), d(2026, 7, 1), null).expires());
    }

    @Test
    void fixedLeapDayFallsOnTheTwentyEighthInOtherYears() {
        MonthDay leap = MonthDay.of(2, 29);
        assertEquals(d(2027, 2, 28), RecertificationDates
                .next(options(RecertificationBasis.FIXED_DATE, 12, leap), d(2026, 1, 15), null).expires());
        assertEquals(d(2027, 2, 28), RecertificationDates
                .next(options(RecertificationBasis.FIXED_DATE, 12, leap), d(2026, 2, 28), null).expires());
        // 2027-03-01 is past 28 February 2027: the next one is the real leap day of 2028
        assertEquals(d(2028, 2, 29), RecertificationDates
                .next(options(RecertificationBasis.FIXED_DATE, 12, leap), d(2026, 3, 1), null).expires());
    }

    @Test
    void noValidityMeansNoExpiration() {
        for (RecertificationBasis basis : RecertificationBasis.values()) {
            Cycle c = RecertificationDates.next(options(basis, 0, MonthDay.of(1, 1)), d(2026, 3, 10), null);
            assertEquals(d(2026, 3, 10), c.starts());
            assertNull(c.expires());
        }
    }

    @Test
    void refusesMissingInput() {
        assertThrows(IllegalArgumentException.class, () -> RecertificationDates
                .next(options(RecertificationBasis.FIXED_DATE, 12, null), d(2026, 3, 10), null));
        assertThrows(IllegalArgumentException.class, () -> RecertificationDates
                .next(options(RecertificationBasis.COMPLETION_DATE, 12, null), null, null));
    }
}
