package org.certportal.enrollments.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.ADMIN_REVIEW;
import static org.certportal.enrollments.api.CertificationStatus.APPLIED;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.internal.EnrollmentDates.Dates;
import org.certportal.enrollments.internal.EnrollmentRules.Decision;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnrollmentRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final ProgramOptions PLAIN = Fixtures.options(false, false, false, false);
    private static final ProgramOptions MAINTENANCE = Fixtures.options(false, false, true, false);

    @Test
    void aFirstEnrollmentIsCycleOneInProgressWithTheProgramsDeadlines() {
        Decision d = decide(List.of(), PLAIN, TODAY.minusDays(3));
        assertNull(d.refusal());
        assertEquals(1, d.terms().cycle());
        assertEquals(IN_PROGRESS, d.terms().status());
        assertEquals(EnrollmentDates.onEnrolling(TODAY.minusDays(3), PLAIN), d.terms().dates());
    }

    @Test
    void aProgramRequiringApprovalMakesTheContactAnApplicant() {
        assertEquals(APPLIED, decide(List.of(), Fixtures.options(true, false, false, false), TODAY).terms().status());
    }

    @Test
    void anUnknownContactIsRefused() {
        Decision d = EnrollmentRules.decide(false, List.of(), PLAIN, TODAY, TODAY);
        assertEquals("No such contact.", d.refusal());
        assertNull(d.terms());
    }

    @ParameterizedTest
    @EnumSource(value = CertificationStatus.class, names = { "IN_PROGRESS", "APPLIED" })
    void someoneStillStudyingIsRefusedUpToAndIncludingTheExpirationDay(CertificationStatus status) {
        Enrollment studying = Fixtures.enrollment(status, 1, TODAY.minusMonths(13), TODAY.minusDays(20), TODAY, null);
        Decision d = decide(List.of(studying), PLAIN, TODAY);
        assertTrue(d.refusal().startsWith("Already enrolled since " + TODAY.minusMonths(13)), d.refusal());
    }

    @Test
    void anEnrollmentPastItsExpirationDoesNotStandInTheWay() {
        Enrollment lapsed = Fixtures.enrollment(IN_PROGRESS, 1, TODAY.minusMonths(14), TODAY.minusDays(40),
                TODAY.minusDays(1), null);
        Decision d = decide(List.of(lapsed), PLAIN, TODAY);
        assertNull(d.refusal());
        assertEquals(1, d.terms().cycle(), "nothing was earned: still the first cycle");
    }

    @ParameterizedTest
    @EnumSource(value = CertificationStatus.class, names = { "CANCELLED", "DECLINED", "INACTIVE", "NOT_COMPLETED",
        "EXPIRED" })
    void afterACancelOrAnyEndingTheContactCanEnrollAgain(CertificationStatus ended) {
        Enrollment before = Fixtures.enrollment(ended, 1, TODAY.minusMonths(2), TODAY.plusMonths(10),
                TODAY.plusMonths(11), null);
        Decision d = decide(List.of(before), PLAIN, TODAY);
        assertNull(d.refusal());
        assertEquals(1, d.terms().cycle());
    }

    @ParameterizedTest
    @EnumSource(value = CertificationStatus.class, names = { "ACTIVE", "ADMIN_REVIEW" })
    void aCurrentEarnerOfAnOrdinaryProgramIsAlreadyCertified(CertificationStatus earned) {
        Enrollment cert = Fixtures.enrollment(earned, 1, TODAY.minusYears(1), TODAY, TODAY.plusYears(1),
                TODAY.minusMonths(1));
        assertEquals("Already certified (earned on " + TODAY.minusMonths(1) + ").",
                decide(List.of(cert), PLAIN, TODAY).refusal());
    }

    @Test
    void aCertificationWithoutExpiryKeepsRefusing() {
        Enrollment cert = Fixtures.enrollment(ACTIVE, 1, TODAY.minusYears(9), TODAY, null, TODAY.minusYears(8));
        assertTrue(decide(List.of(cert), PLAIN, TODAY).refusal().startsWith("Already certified"));
    }

    @Test
    void aLapsedCertificationMayBeEarnedAgainAsTheNextCycle() {
        Enrollment lapsed = Fixtures.enrollment(ACTIVE, 1, TODAY.minusYears(3), TODAY.minusYears(2),
                TODAY.minusDays(1), TODAY.minusYears(2));
        Decision d = decide(List.of(lapsed), PLAIN, TODAY);
        assertNull(d.refusal());
        assertEquals(2, d.terms().cycle());
        assertEquals(EnrollmentDates.onEnrolling(TODAY, PLAIN), d.terms().dates());
    }

    @Test
    void aMaintenanceEarnerEnrollsForTheNextCycleDueWhenTheCertificationExpires() {
        LocalDate earned = TODAY.minusMonths(20);
        Enrollment cert = Fixtures.enrollment(ACTIVE, 3, TODAY.minusYears(3), TODAY.minusYears(2),
                earned.plusMonths(24), earned);
        Decision d = decide(List.of(cert), MAINTENANCE, TODAY);
        assertNull(d.refusal());
        assertEquals(4, d.terms().cycle());
        // completion-date basis: the cycle runs from the earned date for the 24 months of validity
        assertEquals(new Dates(TODAY, earned.plusMonths(24).minusDays(30), earned.plusMonths(24)), d.terms().dates());
    }

    @Test
    void aMaintenanceCycleOnAFixedDayExpiresOnThatDay() {
        LocalDate earned = LocalDate.of(2025, 2, 10);
        ProgramOptions fixed = Fixtures.options(12, 12, 10, RecertificationBasis.FIXED_DATE, MonthDay.of(3, 31));
        Enrollment cert = Fixtures.enrollment(ADMIN_REVIEW, 1, LocalDate.of(2024, 5, 1), LocalDate.of(2025, 5, 1),
                LocalDate.of(2026, 2, 10), earned);
        Decision d = decide(List.of(cert), fixed, TODAY);
        assertEquals(new Dates(TODAY, LocalDate.of(2026, 3, 21), LocalDate.of(2026, 3, 31)), d.terms().dates());
        assertEquals(2, d.terms().cycle());
    }

    @Test
    void aMaintenanceEarnerAlreadyWorkingOnTheNextCycleIsRefused() {
        Enrollment cert = Fixtures.enrollment(ACTIVE, 1, TODAY.minusYears(2), TODAY.minusYears(1), TODAY.plusMonths(3),
                TODAY.minusMonths(21));
        Enrollment next = Fixtures.enrollment(IN_PROGRESS, 2, TODAY.minusDays(5), TODAY.plusMonths(2),
                TODAY.plusMonths(3), null);
        assertTrue(decide(List.of(cert, next), MAINTENANCE, TODAY).refusal().startsWith("Already enrolled"));
    }

    private static Decision decide(List<Enrollment> prior, ProgramOptions options, LocalDate on) {
        return EnrollmentRules.decide(true, prior, options, on, TODAY);
    }
}
