package org.certportal.enrollments.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.ADMIN_REVIEW;
import static org.certportal.enrollments.api.CertificationStatus.APPLIED;
import static org.certportal.enrollments.api.CertificationStatus.AWAITING_PAYMENT;
import static org.certportal.enrollments.api.CertificationStatus.CANCELLED;
import static org.certportal.enrollments.api.CertificationStatus.DECLINED;
import static org.certportal.enrollments.api.CertificationStatus.EXPIRED;
import static org.certportal.enrollments.api.CertificationStatus.INACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.certportal.enrollments.api.CertificationStatus.NOT_COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConsistencyRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);
    private static final LocalDate ENROLLED = LocalDate.of(2025, 1, 15);
    private static final LocalDate EARNED = LocalDate.of(2025, 9, 1);
    /** Valid 24 months, no admin review. */
    private static final ProgramOptions PLAIN = Fixtures.options(false, false, false, false);
    private static final ProgramOptions REVIEWED = Fixtures.options(false, false, false, true);

    /** PLAIN with a fee. */
    private static final ProgramOptions FEE = PLAIN.withFee(new BigDecimal("150.00"), "CAD");

    private static Enrollment e(CertificationStatus status, LocalDate expiresOn, LocalDate earnedOn) {
        return Fixtures.enrollment(status, 1, ENROLLED, ENROLLED.plusMonths(12), expiresOn, earnedOn);
    }

    private static ConsistencyRules.Finding found(Enrollment e, ProgramOptions options, LocalDate completeOn) {
        return ConsistencyRules.check(e, TODAY, options, completeOn).orElseThrow();
    }

    private static ConsistencyRules.Finding found(Enrollment e) {
        return found(e, PLAIN, null);
    }

    private static void consistent(Enrollment e) {
        assertEquals(Optional.empty(), ConsistencyRules.check(e, TODAY, PLAIN, null), e.toString());
    }

    @Test
    void anActiveCertificationExpiringTodayIsStillValidAndOneThatExpiredYesterdayIsExpired() {
        consistent(e(ACTIVE, TODAY, EARNED));
        consistent(e(ACTIVE, null, EARNED));
        ConsistencyRules.Finding f = found(e(ACTIVE, YESTERDAY, EARNED));
        assertEquals(EXPIRED, f.expected());
        assertEquals("status ACTIVE → EXPIRED: the certification expired on 2026-03-09", f.diff());
        assertTrue(f.correctable());
        assertEquals(EARNED, f.earnedOn(), "the dates stay");
        assertEquals(YESTERDAY, f.expiresOn());
    }

    @Test
    void activeWithoutAnEarnedDateGoesBackToInProgressOrExpiresWhenPastItsDate() {
        ConsistencyRules.Finding f = found(e(ACTIVE, TODAY, null));
        assertEquals(IN_PROGRESS, f.expected());
        assertEquals("active without an earned date", f.reason());
        assertTrue(f.correctable(), "the one correction outside the transition table");
        assertFalse(StatusRules.allowed(ACTIVE, IN_PROGRESS));
        f = found(e(ACTIVE, YESTERDAY, null));
        assertEquals(EXPIRED, f.expected());
        assertEquals("active without an earned date and expired on 2026-03-09", f.reason());
        assertTrue(f.correctable());
    }

    @Test
    void earnedButStillInProgressBecomesActiveOrAdminReviewOrExpired() {
        ConsistencyRules.Finding f = found(e(IN_PROGRESS, TODAY, EARNED));
        assertEquals(ACTIVE, f.expected());
        assertEquals("status IN_PROGRESS → ACTIVE: earned on 2025-09-01 but in progress", f.diff());
        assertTrue(f.correctable());
        assertEquals(ACTIVE, found(e(IN_PROGRESS, null, EARNED)).expected(), "a certification that never expires");
        assertEquals(ADMIN_REVIEW, found(e(IN_PROGRESS, TODAY, EARNED), REVIEWED, null).expected());
        f = found(e(IN_PROGRESS, YESTERDAY, EARNED), REVIEWED, null);
        assertEquals(EXPIRED, f.expected());
        assertEquals("earned on 2025-09-01 but in progress; the certification expired on 2026-03-09", f.reason());
        assertTrue(f.correctable());
    }

    @Test
    void earnedApplicationsAndNotCompletedOnesAreFoundButLeftForAPerson() {
        ConsistencyRules.Finding applied = found(e(APPLIED, TODAY, EARNED));
        assertEquals(ACTIVE, applied.expected());
        assertEquals("earned on 2025-09-01 but applied", applied.reason());
        assertFalse(applied.correctable(), "an application is approved or declined by a person");
        ConsistencyRules.Finding notCompleted = found(e(NOT_COMPLETED, YESTERDAY, EARNED));
        assertEquals(EXPIRED, notCompleted.expected());
        assertFalse(notCompleted.correctable());
    }

    @Test
    void inProgressWithoutBeingEarnedExpiresTheDayAfterItsExpirationDate() {
        consistent(e(IN_PROGRESS, TODAY, null));
        ConsistencyRules.Finding f = found(e(IN_PROGRESS, YESTERDAY, null));
        assertEquals("status IN_PROGRESS → EXPIRED: expired on 2026-03-09", f.diff());
        assertTrue(f.correctable());
        assertNull(f.earnedOn());
        consistent(e(APPLIED, YESTERDAY, null));
        consistent(e(NOT_COMPLETED, YESTERDAY, null));
    }

    @ParameterizedTest
    @EnumSource(value = CertificationStatus.class, names = { "CANCELLED", "DECLINED", "INACTIVE", "EXPIRED",
            "ADMIN_REVIEW", "EXPIRING" })
    void finalStatusesAndAdminReviewAreLeftAloneWhateverTheirDates(CertificationStatus status) {
        consistent(e(status, YESTERDAY, EARNED));
        consistent(e(status, YESTERDAY, null));
        consistent(e(status, TODAY, null));
        assertEquals(Optional.empty(), ConsistencyRules.check(e(status, TODAY, null), TODAY, PLAIN, EARNED));
    }

    @Test
    void everyRequirementCompleteMeansEarnedOnTheLastCompletion() {
        LocalDate last = LocalDate.of(2026, 2, 1);
        ConsistencyRules.Finding f = found(e(IN_PROGRESS, TODAY, null), PLAIN, last);
        assertEquals(ACTIVE, f.expected());
        assertEquals(last, f.earnedOn());
        assertEquals(last.plusMonths(24), f.expiresOn(), "the certification's validity, as when marked earned");
        assertEquals("every requirement complete (the last on 2026-02-01) but not earned", f.reason());
        assertTrue(f.correctable());
        assertEquals(ADMIN_REVIEW, found(e(IN_PROGRESS, TODAY, null), REVIEWED, last).expected());
        ProgramOptions forever = new ProgramOptions(false, false, false, false, false, 0, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
        assertNull(found(e(IN_PROGRESS, TODAY, null), forever, last).expiresOn(), "validity 0: never expires");
    }

    @Test
    void completionOnTheExpirationDateStillEarnsAndADayLaterItExpires() {
        ConsistencyRules.Finding onTime = found(e(IN_PROGRESS, YESTERDAY, null), PLAIN, YESTERDAY);
        assertEquals(ACTIVE, onTime.expected());
        assertEquals(YESTERDAY, onTime.earnedOn());
        ConsistencyRules.Finding late = found(e(IN_PROGRESS, YESTERDAY.minusDays(1), null), PLAIN, YESTERDAY);
        assertEquals(EXPIRED, late.expected());
        assertNull(late.earnedOn(), "completed too late: not earned");
        assertEquals("expired on 2026-03-08", late.reason());
    }

    @Test
    void aCertificationEarnedLongAgoHasExpiredAlreadyAndEarnedDatesStayWithinTheEnrollment() {
        LocalDate longAgo = TODAY.minusMonths(24).minusDays(1);
        Enrollment old = Fixtures.enrollment(IN_PROGRESS, 1, longAgo.minusMonths(1), longAgo, null, null);
        ConsistencyRules.Finding f = found(old, PLAIN, longAgo);
        assertEquals(EXPIRED, f.expected());
        assertEquals(longAgo, f.earnedOn());
        assertEquals(YESTERDAY, f.expiresOn());
        assertEquals("every requirement complete (the last on 2024-03-09) but not earned; the certification expired"
                + " on 2026-03-09", f.reason());
        LocalDate exactly = TODAY.minusMonths(24);
        Enrollment older = Fixtures.enrollment(IN_PROGRESS, 1, exactly.minusMonths(1), exactly, null, null);
        assertEquals(ACTIVE, found(older, PLAIN, exactly).expected(), "a certification expiring today is valid");
        assertEquals(TODAY, found(older, PLAIN, exactly).expiresOn());
        assertEquals(ENROLLED, found(e(IN_PROGRESS, TODAY, null), PLAIN, ENROLLED.minusDays(5)).earnedOn(),
                "not before the enrollment date");
        assertEquals(TODAY, found(e(IN_PROGRESS, null, null), PLAIN, TODAY.plusDays(3)).earnedOn(),
                "not in the future");
    }

    @Test
    void requirementsMatterOnlyToEnrollmentsInProgressAndNotEarned() {
        assertTrue(ConsistencyRules.needsRequirements(e(IN_PROGRESS, TODAY, null)));
        assertFalse(ConsistencyRules.needsRequirements(e(IN_PROGRESS, TODAY, EARNED)));
        assertFalse(ConsistencyRules.needsRequirements(e(APPLIED, TODAY, null)));
        assertFalse(ConsistencyRules.needsRequirements(e(ACTIVE, TODAY, null)));
        consistent(e(APPLIED, TODAY, null));
        assertEquals(Optional.empty(), ConsistencyRules.check(e(APPLIED, TODAY, null), TODAY, PLAIN, EARNED),
                "an application is not earned by its completions");
    }

    @Test
    void requirementsAreCompleteWhenEveryOneIsWithTheLastDateAndUndatedOnesCountAsToday() {
        List<Requirement> three = List.of(requirement(1), requirement(2), requirement(3));
        RequirementState jan = new RequirementState(RequirementState.COMPLETE, LocalDate.of(2026, 1, 5), null);
        RequirementState feb = new RequirementState(RequirementState.COMPLETE, LocalDate.of(2026, 2, 5), "A");
        assertEquals(LocalDate.of(2026, 2, 5), ConsistencyRules.completeOn(three, Map.of(1L, jan, 2L, feb, 3L, jan),
                TODAY));
        assertNull(ConsistencyRules.completeOn(three, Map.of(1L, jan, 2L, feb), TODAY), "one has nothing recorded");
        assertNull(ConsistencyRules.completeOn(three, Map.of(1L, jan, 2L, feb, 3L, new RequirementState(
                "Awaiting grade", null, null)), TODAY));
        assertEquals(TODAY, ConsistencyRules.completeOn(three, Map.of(1L, jan, 2L, feb, 3L, new RequirementState(
                RequirementState.COMPLETE, null, null)), TODAY));
        assertNull(ConsistencyRules.completeOn(List.of(), Map.of(), TODAY), "a program without requirements");
    }

    @Test
    void everyCorrectionIsATransitionOfTheRulesOrTheOneRepair() {
        for (CertificationStatus status : CertificationStatus.values()) {
            for (LocalDate expires : new LocalDate[] { null, YESTERDAY, TODAY }) {
                for (LocalDate earned : new LocalDate[] { null, EARNED }) {
                    for (LocalDate complete : new LocalDate[] { null, YESTERDAY }) {
                        for (ProgramOptions options : List.of(PLAIN, REVIEWED)) {
                            ConsistencyRules.check(e(status, expires, earned), TODAY, options, complete).ifPresent(
                                    f -> assertEquals(StatusRules.allowed(f.stored(), f.expected())
                                            || f.stored() == ACTIVE && f.expected() == IN_PROGRESS, f.correctable(),
                                            f.toString()));
                        }
                    }
                }
            }
        }
        assertFalse(ConsistencyRules.check(e(CANCELLED, YESTERDAY, EARNED), TODAY, PLAIN, null).isPresent());
        assertFalse(ConsistencyRules.check(e(DECLINED, null, null), TODAY, PLAIN, null).isPresent());
        assertFalse(ConsistencyRules.check(e(INACTIVE, null, null), TODAY, PLAIN, null).isPresent());
    }

    @Test
    void everyRequirementCompleteInACertificationWithAFeeMeansAwaitingPaymentNeverActive() {
        ConsistencyRules.Finding f = found(e(IN_PROGRESS, null, null), FEE, YESTERDAY);
        assertEquals(AWAITING_PAYMENT, f.expected());
        assertTrue(f.correctable());
        assertNull(f.earnedOn(), "only the payment earns: no earned date");
        assertNull(f.expiresOn());
        assertEquals("status IN_PROGRESS → AWAITING_PAYMENT: every requirement complete (the last on 2026-03-09) and"
                + " the fee not paid", f.diff());
        assertEquals(ACTIVE, found(e(IN_PROGRESS, null, null), PLAIN, YESTERDAY).expected(), "a free one is earned");
    }

    @Test
    void anEnrollmentAwaitingPaymentIsLeftAloneWhateverItsRequirementsSay() {
        Enrollment waiting = e(AWAITING_PAYMENT, null, null);
        assertFalse(ConsistencyRules.needsRequirements(waiting));
        for (ProgramOptions options : List.of(PLAIN, FEE, REVIEWED)) {
            for (LocalDate complete : new LocalDate[] { null, YESTERDAY }) {
                assertEquals(Optional.empty(), ConsistencyRules.check(waiting, TODAY, options, complete));
            }
        }
        assertEquals(Optional.empty(), ConsistencyRules.check(e(AWAITING_PAYMENT, YESTERDAY, null), TODAY, FEE,
                null), "its completion deadline passing does not expire a met certification");
    }

    private static Requirement requirement(long id) {
        return new Requirement(id, 100, (int) id, "Requirement " + id, RequirementKind.COURSE, GradeType.NONE, null,
                false, BigDecimal.ZERO, List.of());
    }
}
