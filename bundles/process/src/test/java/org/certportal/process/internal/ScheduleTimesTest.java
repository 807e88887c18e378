package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import org.certportal.process.api.Recurrence;
import org.junit.jupiter.api.Test;

class ScheduleTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void aOneTimeScheduleFiresAtItsTimeThenNeverAgain() {
        LocalDateTime first = LocalDateTime.of(2030, 1, 15, 6, 0);
        assertEquals(Optional.of(at("2030-01-15T05:00:00Z")),
                ScheduleTimes.nextAfter(first, BERLIN, Recurrence.NONE, at("2026-05-04T08:00:00Z")), "years ahead");
        assertEquals(Optional.empty(), ScheduleTimes.nextAfter(first, BERLIN, Recurrence.NONE, at("2030-01-15T05:00:00Z")),
                "strictly after: at its own time it has passed");
        assertEquals(Optional.empty(), ScheduleTimes.afterFiring(first, BERLIN, Recurrence.NONE, at("2030-01-15T05:00:00Z")));
    }

    @Test
    void dailyWeeklyAndMonthlyCountFromTheFirstTime() {
        LocalDateTime first = LocalDateTime.of(2026, 5, 4, 9, 30);
        Instant now = at("2026-05-06T10:00:00Z");
        assertEquals(at("2026-05-07T09:30:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.DAILY, now).get());
        assertEquals(at("2026-05-11T09:30:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.WEEKLY, now).get());
        assertEquals(at("2026-06-04T09:30:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.MONTHLY, now).get());
        assertEquals(at("2026-05-06T09:30:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.DAILY,
                at("2026-05-06T09:29:59Z")).get(), "one second before");
        assertEquals(at("2026-05-07T09:30:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.DAILY,
                at("2026-05-06T09:30:00Z")).get(), "exactly at: the next one");
    }

    @Test
    void aMonthlyScheduleOnThe31stFiresOnTheLastDayOfShortMonthsWithoutDrifting() {
        LocalDateTime first = LocalDateTime.of(2026, 1, 31, 12, 0);
        assertEquals(at("2026-02-28T12:00:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.MONTHLY,
                at("2026-02-01T00:00:00Z")).get());
        assertEquals(at("2026-03-31T12:00:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.MONTHLY,
                at("2026-03-01T00:00:00Z")).get(), "back on the 31st, not the 28th");
        assertEquals(at("2028-02-29T12:00:00Z"), ScheduleTimes.nextAfter(first, ZoneOffset.UTC, Recurrence.MONTHLY,
                at("2028-02-01T00:00:00Z")).get(), "leap year");
    }

    @Test
    void localTimeIsKeptAcrossDaylightSavingChanges() {
        LocalDateTime first = LocalDateTime.of(2026, 3, 20, 8, 0);
        // Berlin: UTC+1 until 29 March 2026, UTC+2 after
        assertEquals(at("2026-03-28T07:00:00Z"), ScheduleTimes.nextAfter(first, BERLIN, Recurrence.DAILY,
                at("2026-03-27T08:00:00Z")).get());
        assertEquals(at("2026-03-29T06:00:00Z"), ScheduleTimes.nextAfter(first, BERLIN, Recurrence.DAILY,
                at("2026-03-28T08:00:00Z")).get(), "still 08:00 local");
    }

    @Test
    void aTimeSkippedByDaylightSavingFiresLaterThatDayAndARepeatedOneOnce() {
        LocalDateTime skipped = LocalDateTime.of(2026, 3, 28, 2, 30); // 29 March 02:30 does not exist in Berlin
        assertEquals(at("2026-03-29T01:30:00Z"), ScheduleTimes.nextAfter(skipped, BERLIN, Recurrence.DAILY,
                at("2026-03-28T12:00:00Z")).get(), "03:30 local, the hour after");
        assertEquals(at("2026-03-30T00:30:00Z"), ScheduleTimes.nextAfter(skipped, BERLIN, Recurrence.DAILY,
                at("2026-03-29T01:30:00Z")).get());
        LocalDateTime repeated = LocalDateTime.of(2026, 10, 24, 2, 30); // 25 October 02:30 happens twice
        Instant first = ScheduleTimes.nextAfter(repeated, BERLIN, Recurrence.DAILY, at("2026-10-24T12:00:00Z")).get();
        assertEquals(at("2026-10-25T00:30:00Z"), first, "the first 02:30 (summer time)");
        assertEquals(at("2026-10-26T01:30:00Z"), ScheduleTimes.nextAfter(repeated, BERLIN, Recurrence.DAILY, first).get(),
                "not again an hour later");
    }

    @Test
    void aMissedRecurringScheduleFiresOnceThenAtItsFirstTimeAfterNow() {
        LocalDateTime first = LocalDateTime.of(2026, 5, 1, 6, 0);
        Instant backAfterTenDays = at("2026-05-11T09:00:00Z");
        // due (its stored next time passed) → it fires now, and its next time is after now, not the missed ones
        assertEquals(at("2026-05-12T06:00:00Z"),
                ScheduleTimes.afterFiring(first, ZoneOffset.UTC, Recurrence.DAILY, backAfterTenDays).get());
        assertEquals(at("2026-05-15T06:00:00Z"),
                ScheduleTimes.afterFiring(first, ZoneOffset.UTC, Recurrence.WEEKLY, backAfterTenDays).get());
        assertEquals(at("2026-06-01T06:00:00Z"),
                ScheduleTimes.afterFiring(first, ZoneOffset.UTC, Recurrence.MONTHLY, backAfterTenDays).get());
    }

    @Test
    void aNewScheduleStartsAtItsFirstTimeAndAPastOneTimeIsRefused() {
        Instant now = at("2026-05-04T08:00:00Z");
        assertEquals(at("2026-05-04T08:01:00Z"), ScheduleTimes.firstFiring(LocalDateTime.of(2026, 5, 4, 8, 1),
                ZoneOffset.UTC, Recurrence.NONE, now), "a minute ahead");
        assertEquals(at("2026-05-04T07:57:00Z"), ScheduleTimes.firstFiring(LocalDateTime.of(2026, 5, 4, 7, 57),
                ZoneOffset.UTC, Recurrence.NONE, now), "a few minutes late: runs now");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleTimes.firstFiring(
                LocalDateTime.of(2026, 5, 4, 7, 54), ZoneOffset.UTC, Recurrence.NONE, now));
        assertTrue(e.getMessage().contains("has passed"));
        assertEquals(at("2026-05-05T07:54:00Z"), ScheduleTimes.firstFiring(LocalDateTime.of(2026, 5, 4, 7, 54),
                ZoneOffset.UTC, Recurrence.DAILY, now), "a recurring one starts at its next time");
    }

    @Test
    void farAwayOccurrencesAreFoundWithoutWalkingEveryDay() {
        LocalDateTime first = LocalDateTime.of(2000, 1, 1, 0, 0);
        Instant next = ScheduleTimes.nextAfter(first, BERLIN, Recurrence.DAILY, at("2099-06-15T12:00:00Z")).get();
        assertEquals(at("2099-06-15T22:00:00Z"), next);
        assertTrue(ScheduleTimes.occurrence(first, BERLIN, Recurrence.MONTHLY, 1200).isAfter(at("2099-12-31T00:00:00Z")));
    }
}
