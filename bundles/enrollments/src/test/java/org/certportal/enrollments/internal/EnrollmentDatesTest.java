package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.CompletionDeadline;
import org.certportal.enrollments.api.CompletionDeadline.Phase;
import org.certportal.enrollments.internal.EnrollmentDates.Dates;
import org.certportal.programs.api.ProgramOptions;
import org.junit.jupiter.api.Test;

class EnrollmentDatesTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final ProgramOptions OPTIONS = Fixtures.options(false, false, false, false);

    @Test
    void enrollingSetsTheGracePeriodDeadlineMonthsLaterAndTheExpiryGraceDaysAfterThat() {
        Dates d = EnrollmentDates.onEnrolling(LocalDate.of(2025, 3, 10), OPTIONS);
        assertEquals(new Dates(LocalDate.of(2025, 3, 10), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 9)), d);
    }

    @Test
    void monthsAreCalendarMonthsEndingOnTheLastDayOfShortMonths() {
        ProgramOptions oneMonth = Fixtures.options(24, 1, 0, null, null);
        Dates d = EnrollmentDates.onEnrolling(LocalDate.of(2024, 1, 31), oneMonth);
        assertEquals(LocalDate.of(2024, 2, 29), d.gracePeriodBegins());
        assertEquals(LocalDate.of(2024, 2, 29), d.expiresOn(), "no grace days: expires the day the grace period begins");
    }

    @Test
    void theEnrollmentDateDefaultsToTodayMayBeTodayOrPastButNeverFuture() {
        assertEquals(TODAY, EnrollmentDates.enrollmentDate(null, TODAY));
        assertEquals(TODAY, EnrollmentDates.enrollmentDate(TODAY, TODAY));
        assertEquals(TODAY.minusYears(3), EnrollmentDates.enrollmentDate(TODAY.minusYears(3), TODAY));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnrollmentDates.enrollmentDate(TODAY.plusDays(1), TODAY));
        assertTrue(e.getMessage().contains("in the future"), e.getMessage());
    }

    @Test
    void anEarnedCertificationExpiresValidityMonthsLaterOrNeverWithZeroValidity() {
        assertEquals(LocalDate.of(2027, 6, 15), EnrollmentDates.certificationExpires(TODAY, 24));
        assertNull(EnrollmentDates.certificationExpires(TODAY, 0));
    }

    @Test
    void theNextCycleMustBeCompleteWhenTheCurrentCertificationExpiresWithTheGraceDaysBeforeIt() {
        Dates d = EnrollmentDates.forNextCycle(TODAY, LocalDate.of(2026, 1, 31), OPTIONS);
        assertEquals(new Dates(TODAY, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), d);
    }

    @Test
    void theNextCyclesGracePeriodNeverBeginsBeforeTheEnrollment() {
        Dates d = EnrollmentDates.forNextCycle(TODAY, TODAY.plusDays(10), OPTIONS);
        assertEquals(new Dates(TODAY, TODAY, TODAY.plusDays(10)), d);
    }

    @Test
    void aNextCycleWithoutExpiryOrAlreadyPastTakesTheUsualDeadline() {
        assertEquals(EnrollmentDates.onEnrolling(TODAY, OPTIONS), EnrollmentDates.forNextCycle(TODAY, null, OPTIONS));
        assertEquals(EnrollmentDates.onEnrolling(TODAY, OPTIONS),
                EnrollmentDates.forNextCycle(TODAY, TODAY.minusDays(1), OPTIONS));
    }

    @Test
    void editedDatesMayAllFallOnOneDayWhichMayBeToday() {
        Dates same = new Dates(TODAY, TODAY, TODAY);
        assertEquals(same, EnrollmentDates.checkEdit(same, false, TODAY));
    }

    @Test
    void editedEnrollmentDateMustNotBeInTheFuture() {
        assertRefused(new Dates(TODAY.plusDays(1), TODAY.plusDays(1), TODAY.plusDays(1)), false, "in the future");
    }

    @Test
    void theGracePeriodCannotBeginBeforeTheEnrollmentDate() {
        assertRefused(new Dates(TODAY, TODAY.minusDays(1), TODAY), false, "cannot begin");
    }

    @Test
    void theExpirationCannotComeBeforeTheGracePeriodBegins() {
        assertRefused(new Dates(TODAY, TODAY.plusDays(5), TODAY.plusDays(4)), false, "cannot come before");
    }

    @Test
    void datesAreRequiredAndOnlyAnEarnedCertificationMayHaveNoExpiry() {
        assertRefused(new Dates(null, TODAY, TODAY), false, "required");
        assertRefused(new Dates(TODAY, null, TODAY), false, "required");
        assertRefused(new Dates(TODAY, TODAY, null), false, "expiration date is required");
        Dates never = new Dates(TODAY, TODAY, null);
        assertEquals(never, EnrollmentDates.checkEdit(never, true, TODAY));
    }

    @Test
    void movingTheExpirationLaterExtendsTheGracePeriodAndLeavesItsBeginning() {
        Dates before = EnrollmentDates.onEnrolling(TODAY.minusMonths(13), OPTIONS);
        Dates extended = EnrollmentDates.checkEdit(
                new Dates(before.enrolledOn(), before.gracePeriodBegins(), before.expiresOn().plusDays(60)), false, TODAY);
        assertEquals(before.gracePeriodBegins(), extended.gracePeriodBegins());
        CompletionDeadline d = deadline(CertificationStatus.IN_PROGRESS, extended, null, TODAY);
        assertEquals(Phase.GRACE_PERIOD, d.phase());
        assertEquals(before.expiresOn().plusDays(60), d.completeBy());
    }

    @Test
    void beforeTheGracePeriodTheDeadlineIsTheDayItBegins() {
        Dates d = new Dates(TODAY.minusMonths(6), TODAY.plusDays(1), TODAY.plusDays(31));
        CompletionDeadline deadline = deadline(CertificationStatus.IN_PROGRESS, d, null, TODAY);
        assertEquals(Phase.BEFORE_GRACE_PERIOD, deadline.phase());
        assertEquals(TODAY.plusDays(1), deadline.completeBy());
        assertTrue(deadline.explanation().contains("to avoid the grace period"), deadline.explanation());
    }

    @Test
    void fromTheDayTheGracePeriodBeginsTheDeadlineIsTheExpiration() {
        Dates d = new Dates(TODAY.minusMonths(6), TODAY, TODAY.plusDays(30));
        CompletionDeadline deadline = deadline(CertificationStatus.APPLIED, d, null, TODAY);
        assertEquals(Phase.GRACE_PERIOD, deadline.phase());
        assertEquals(TODAY.plusDays(30), deadline.completeBy());
        assertTrue(deadline.explanation().contains("or the enrollment expires"), deadline.explanation());
    }

    @Test
    void onTheExpirationDayItIsStillTheGracePeriodAndTheDayAfterItIsExpired() {
        Dates d = new Dates(TODAY.minusMonths(13), TODAY.minusDays(30), TODAY);
        assertEquals(Phase.GRACE_PERIOD, deadline(CertificationStatus.IN_PROGRESS, d, null, TODAY).phase());
        CompletionDeadline after = deadline(CertificationStatus.IN_PROGRESS, d, null, TODAY.plusDays(1));
        assertEquals(Phase.EXPIRED, after.phase());
        assertEquals(TODAY, after.completeBy());
    }

    @Test
    void anEarnedEnrollmentShowsWhenTheCertificationExpiresOrThatItDoesNot() {
        Dates d = new Dates(TODAY.minusMonths(6), TODAY.plusMonths(6), TODAY.plusYears(2));
        CompletionDeadline earned = deadline(CertificationStatus.ACTIVE, d, TODAY.minusDays(1), TODAY);
        assertEquals(Phase.EARNED, earned.phase());
        assertEquals(TODAY.plusYears(2), earned.completeBy());
        CompletionDeadline forever = deadline(CertificationStatus.ACTIVE,
                new Dates(d.enrolledOn(), d.gracePeriodBegins(), null), TODAY.minusDays(1), TODAY);
        assertNull(forever.completeBy());
        assertTrue(forever.explanation().contains("does not expire"), forever.explanation());
        assertEquals(Phase.EXPIRED, deadline(CertificationStatus.ACTIVE, d, TODAY, TODAY.plusYears(2).plusDays(1))
                .phase(), "a lapsed certification is expired");
    }

    @Test
    void aClosedEnrollmentHasNoDeadline() {
        Dates d = new Dates(TODAY.minusMonths(6), TODAY.plusMonths(6), TODAY.plusMonths(7));
        CompletionDeadline closed = deadline(CertificationStatus.CANCELLED, d, null, TODAY);
        assertEquals(Phase.CLOSED, closed.phase());
        assertNull(closed.completeBy());
    }

    private static CompletionDeadline deadline(CertificationStatus status, Dates d, LocalDate earnedOn, LocalDate today) {
        return EnrollmentDates.deadline(status, d.gracePeriodBegins(), d.expiresOn(), earnedOn, today);
    }

    private static void assertRefused(Dates d, boolean earned, String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnrollmentDates.checkEdit(d, earned, TODAY));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
