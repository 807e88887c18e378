package org.certportal.tracking.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.EXPIRED;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certportal.tracking.internal.ReminderRules.Decision;
import org.certportal.tracking.internal.ReminderRules.Ladder;
import org.certportal.tracking.internal.ReminderRules.Step;
import org.junit.jupiter.api.Test;

class ReminderRulesTest {
    private static final Ladder LADDER = new Ladder(List.of(30, 90, 7, 60), List.of(14, 7));
    private static final LocalDate EXPIRES = LocalDate.of(2026, 6, 30);

    private static Decision decide(LocalDate today, Set<String> handled) {
        return ReminderRules.decide(LADDER, ACTIVE, EXPIRES, 30, today, handled);
    }

    private static Optional<Step> sent(LocalDate today, Set<String> handled) {
        return decide(today, handled).send();
    }

    @Test
    void stepsAreOrderedAsTheyFallDue() {
        assertEquals(List.of(90, 60, 30, 7), LADDER.daysBefore());
        assertEquals(List.of(7, 14), LADDER.graceDays());
        assertEquals(List.of("before:90", "before:60", "before:30", "before:7", "grace:7", "grace:14"),
                LADDER.steps().stream().map(Step::key).toList());
    }

    @Test
    void aStepIsDueFromItsDayOnAndNotBefore() {
        LocalDate ninetyBefore = EXPIRES.minusDays(90); // 1 April
        assertEquals(LocalDate.of(2026, 4, 1), ninetyBefore);
        assertEquals(Decision.NOTHING, decide(ninetyBefore.minusDays(1), Set.of()));
        assertEquals(Optional.of(new Step(false, 90)), sent(ninetyBefore, Set.of()));
        assertEquals(Optional.of(new Step(false, 90)), sent(ninetyBefore.plusDays(5), Set.of()));
    }

    @Test
    void aHandledStepIsNeverSentAgainInTheSameCycle() {
        assertTrue(decide(EXPIRES.minusDays(90), Set.of("before:90")).isNothing());
        assertTrue(decide(EXPIRES.minusDays(61), Set.of("before:90")).isNothing());
        assertEquals(Optional.of(new Step(false, 60)), sent(EXPIRES.minusDays(60), Set.of("before:90")));
    }

    @Test
    void aPortalDownForDaysSendsOnlyTheLatestStepAndRecordsTheOthersSkipped() {
        // 90 and 60 came due while nothing ran; on day 31 before expiry only the 60-day one goes out
        Decision d = decide(EXPIRES.minusDays(31), Set.of());
        assertEquals(Optional.of(new Step(false, 60)), d.send());
        assertEquals(List.of(new Step(false, 90)), d.skip());
        // down over the expiration date: the first grace step, the four before it skipped
        Decision late = decide(EXPIRES.plusDays(8), Set.of("before:90"));
        assertEquals(Optional.of(new Step(true, 7)), late.send());
        assertEquals(List.of("before:60", "before:30", "before:7"), late.skip().stream().map(Step::key).toList());
    }

    @Test
    void theLadderWalkedDayByDaySendsEveryStepExactlyOnce() {
        Set<String> handled = new HashSet<>();
        int sent = 0;
        for (LocalDate day = EXPIRES.minusDays(120); !day.isAfter(EXPIRES.plusDays(40)); day = day.plusDays(1)) {
            Decision d = decide(day, handled);
            assertTrue(d.skip().isEmpty(), "a daily run skips nothing: " + day);
            if (d.send().isPresent()) {
                assertEquals(day, d.send().get().dueOn(EXPIRES), "sent on its own day");
                handled.add(d.send().get().key());
                sent++;
            }
        }
        assertEquals(6, sent);
    }

    @Test
    void aStepAddedAfterALaterOneWasSentIsRecordedButNotSent() {
        // the 30-day reminder went out; then someone adds a 45-day step: it is due but older than what was sent
        Ladder wider = new Ladder(List.of(45, 30), List.of());
        Decision d = ReminderRules.decide(wider, ACTIVE, EXPIRES, 0, EXPIRES.minusDays(20), Set.of("before:30"));
        assertEquals(Optional.empty(), d.send());
        assertEquals(List.of(new Step(false, 45)), d.skip());
    }

    @Test
    void graceStepsComeOnlyWithinTheProgramsGracePeriod() {
        LocalDate tenIntoGrace = EXPIRES.plusDays(10);
        Set<String> before = Set.of("before:90", "before:60", "before:30", "before:7");
        assertEquals(Optional.of(new Step(true, 7)), ReminderRules.decide(LADDER, ACTIVE, EXPIRES, 10, tenIntoGrace,
                before).send());
        // a 10-day grace period never reaches the 14-day step; a program without grace gets no grace step
        assertTrue(ReminderRules.decide(LADDER, ACTIVE, EXPIRES, 10, EXPIRES.plusDays(14), Set.of("before:90",
                "before:60", "before:30", "before:7", "grace:7")).isNothing());
        assertTrue(ReminderRules.decide(LADDER, ACTIVE, EXPIRES, 0, EXPIRES.plusDays(7), before).isNothing());
        // past the grace period the expiry takes over
        assertTrue(ReminderRules.decide(LADDER, ACTIVE, EXPIRES, 30, EXPIRES.plusDays(31), Set.of()).isNothing());
    }

    @Test
    void onlyActiveCertificationsGetReminders() {
        assertTrue(ReminderRules.decide(LADDER, IN_PROGRESS, EXPIRES, 30, EXPIRES.minusDays(7), Set.of()).isNothing());
        assertTrue(ReminderRules.decide(LADDER, EXPIRED, EXPIRES, 30, EXPIRES.minusDays(7), Set.of()).isNothing());
        assertTrue(ReminderRules.decide(LADDER, ACTIVE, null, 30, EXPIRES.minusDays(7), Set.of()).isNothing());
        assertTrue(ReminderRules.decide(Ladder.NONE, ACTIVE, EXPIRES, 30, EXPIRES.minusDays(7), Set.of()).isNothing());
    }

    @Test
    void recertificationStartsANewCycleWhoseStepsAreSentAgain() {
        // every step of the old cycle was handled; recertified, the certification now expires a year later
        Set<String> oldCycle = Set.of("before:90", "before:60", "before:30", "before:7", "grace:7", "grace:14");
        LocalDate renewed = EXPIRES.plusYears(1);
        LocalDate day = renewed.minusDays(90);
        // the handled steps belong to (enrollment, old expiration date); the new date's cycle has none yet
        assertTrue(decide(day, oldCycle).isNothing(), "judged with the old cycle's steps nothing is due");
        assertEquals(Optional.of(new Step(false, 90)), ReminderRules.decide(LADDER, ACTIVE, renewed, 30, day,
                Set.of()).send());
    }

    @Test
    void endOfMonthStepsCountDaysNotMonths() {
        LocalDate endOfMarch = LocalDate.of(2026, 3, 31);
        assertEquals(LocalDate.of(2026, 3, 1), new Step(false, 30).dueOn(endOfMarch));
        assertEquals(LocalDate.of(2025, 12, 31), new Step(false, 90).dueOn(endOfMarch));
        assertEquals(LocalDate.of(2026, 2, 28), new Step(false, 31).dueOn(endOfMarch));
        assertEquals(Optional.of(new Step(false, 30)), ReminderRules.decide(LADDER, ACTIVE, endOfMarch, 0,
                LocalDate.of(2026, 3, 1), Set.of("before:90", "before:60")).send());
        assertEquals(LocalDate.of(2026, 2, 7), new Step(true, 7).dueOn(LocalDate.of(2026, 1, 31)));
    }

    @Test
    void aLeapDayExpirationCountsTheLeapDay() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        assertEquals(LocalDate.of(2028, 2, 22), new Step(false, 7).dueOn(leapDay));
        assertEquals(LocalDate.of(2028, 3, 7), new Step(true, 7).dueOn(leapDay));
        assertEquals(LocalDate.of(2028, 1, 30), new Step(false, 30).dueOn(leapDay));
        // 1 March 2028 is one day into the grace period of a leap-day expiration, 2 days left of a 3-day grace
        assertEquals(2, ReminderRules.daysLeft(leapDay, 3, LocalDate.of(2028, 3, 1)));
        assertEquals(1, ReminderRules.daysLeft(LocalDate.of(2028, 3, 1), 0, leapDay));
    }

    @Test
    void theOrganisationsTimeZoneDecidesWhichDayItIs() {
        Step seven = new Step(false, 7);
        Instant instant = Instant.parse("2026-06-22T23:30:00Z");
        LocalDate auckland = ExpiryRules.today(instant, ZoneId.of("Pacific/Auckland"));
        LocalDate losAngeles = ExpiryRules.today(instant, ZoneId.of("America/Los_Angeles"));
        Set<String> earlier = Set.of("before:90", "before:60", "before:30");
        // the 7-day step is due on 23 June: already in Auckland, not yet in Los Angeles
        assertEquals(Optional.of(seven), sent(auckland, earlier));
        assertTrue(decide(losAngeles, earlier).isNothing());
    }

    @Test
    void daysLeftCountToTheExpirationDateThenToTheEndOfGrace() {
        assertEquals(30, ReminderRules.daysLeft(EXPIRES, 30, EXPIRES.minusDays(30)));
        assertEquals(0, ReminderRules.daysLeft(EXPIRES, 30, EXPIRES));
        assertEquals(23, ReminderRules.daysLeft(EXPIRES, 30, EXPIRES.plusDays(7)));
        assertEquals(0, ReminderRules.daysLeft(EXPIRES, 0, EXPIRES.plusDays(7)));
    }

    @Test
    void badLaddersAreRefusedWithASentence() {
        assertEquals("Reminder days before expiry must be whole numbers from 0 to 730, not 800.",
                assertThrows(IllegalArgumentException.class, () -> new Ladder(List.of(800), List.of())).getMessage());
        assertEquals("Reminder days into the grace period must be whole numbers from 1 to 365, not 0.",
                assertThrows(IllegalArgumentException.class, () -> new Ladder(List.of(), List.of(0))).getMessage());
        assertEquals("The reminder 30 days before expiry is given twice.", assertThrows(IllegalArgumentException.class,
                () -> new Ladder(List.of(30, 30), List.of())).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ladder(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
                List.of()));
    }

    @Test
    void stepKeysReadBack() {
        for (Step s : LADDER.steps()) {
            assertEquals(s, Step.ofKey(s.key()));
        }
        assertEquals("30 days before expiry", new Step(false, 30).label());
        assertEquals("on the expiration date", new Step(false, 0).label());
        assertEquals("1 day into the grace period", new Step(true, 1).label());
    }
}
