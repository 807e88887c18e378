package org.certportal.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalInt;

import org.certportal.enrollments.api.CertificationStatus;
import org.junit.jupiter.api.Test;

class ExpiryRulesTest {
    private static final CertificationStatus ACTIVE = CertificationStatus.ACTIVE;
    private static final CertificationStatus IN_PROGRESS = CertificationStatus.IN_PROGRESS;

    @Test
    void anActiveCertificationExpiresTheDayAfterItsGracePeriod() {
        LocalDate expires = LocalDate.of(2026, 3, 31);
        assertFalse(ExpiryRules.expiryDue(ACTIVE, expires, 30, LocalDate.of(2026, 4, 30)));
        assertTrue(ExpiryRules.expiryDue(ACTIVE, expires, 30, LocalDate.of(2026, 5, 1)));
        assertEquals(LocalDate.of(2026, 4, 30), ExpiryRules.lastValidDay(ACTIVE, expires, 30));
    }

    @Test
    void withoutAGracePeriodItExpiresTheDayAfterItsExpirationDate() {
        LocalDate expires = LocalDate.of(2026, 6, 15);
        assertFalse(ExpiryRules.expiryDue(ACTIVE, expires, 0, expires));
        assertTrue(ExpiryRules.expiryDue(ACTIVE, expires, 0, expires.plusDays(1)));
    }

    @Test
    void theGracePeriodCountsDaysAcrossTheEndOfMonthAndTheLeapDay() {
        // 31 January + 30 days: 2 March in 2026, 1 March in the leap year 2028
        assertEquals(LocalDate.of(2026, 3, 2), ExpiryRules.lastValidDay(ACTIVE, LocalDate.of(2026, 1, 31), 30));
        assertEquals(LocalDate.of(2028, 3, 1), ExpiryRules.lastValidDay(ACTIVE, LocalDate.of(2028, 1, 31), 30));
        // a certification expiring on the leap day, one day of grace
        assertFalse(ExpiryRules.expiryDue(ACTIVE, LocalDate.of(2028, 2, 29), 1, LocalDate.of(2028, 3, 1)));
        assertTrue(ExpiryRules.expiryDue(ACTIVE, LocalDate.of(2028, 2, 29), 1, LocalDate.of(2028, 3, 2)));
    }

    @Test
    void anEnrollmentNeverEarnedExpiresAfterItsExpirationDateWhichAlreadyHoldsTheGracePeriod() {
        LocalDate expires = LocalDate.of(2026, 5, 31);
        assertFalse(ExpiryRules.expiryDue(IN_PROGRESS, expires, 30, expires));
        assertTrue(ExpiryRules.expiryDue(IN_PROGRESS, expires, 30, expires.plusDays(1)));
    }

    @Test
    void otherStatusesAndCertificationsWithoutExpiryNeverExpire() {
        LocalDate long_ago = LocalDate.of(2000, 1, 1);
        for (CertificationStatus s : CertificationStatus.values()) {
            if (s != ACTIVE && s != IN_PROGRESS) {
                assertFalse(ExpiryRules.expiryDue(s, long_ago, 0, LocalDate.of(2026, 1, 1)), s.name());
            }
        }
        assertFalse(ExpiryRules.expiryDue(ACTIVE, null, 0, LocalDate.of(2026, 1, 1)));
        assertNull(ExpiryRules.lastValidDay(ACTIVE, null, 30));
    }

    @Test
    void activeIsExpiringWithinTheNoticeDaysAndThroughTheGracePeriod() {
        LocalDate today = LocalDate.of(2026, 2, 27);
        OptionalInt notice = OptionalInt.of(30);
        assertEquals(CertificationStatus.EXPIRING, ExpiryRules.shown(ACTIVE, today.plusDays(30), notice, today));
        assertEquals(ACTIVE, ExpiryRules.shown(ACTIVE, today.plusDays(31), notice, today));
        assertEquals(CertificationStatus.EXPIRING, ExpiryRules.shown(ACTIVE, today.minusDays(3), notice, today));
        assertEquals(ACTIVE, ExpiryRules.shown(ACTIVE, null, notice, today));
        assertEquals(IN_PROGRESS, ExpiryRules.shown(IN_PROGRESS, today, notice, today));
        assertEquals(LocalDate.of(2026, 3, 29), ExpiryRules.expiringHorizon(notice, today));
    }

    @Test
    void withoutAnExpiringNoticeNothingIsExpiring() {
        LocalDate today = LocalDate.of(2026, 2, 27);
        assertEquals(ACTIVE, ExpiryRules.shown(ACTIVE, today, OptionalInt.empty(), today));
        assertNull(ExpiryRules.expiringHorizon(OptionalInt.empty(), today));
    }

    @Test
    void todayIsTheOrganisationsDay() {
        Instant lateOn31March = Instant.parse("2026-03-31T23:30:00Z");
        assertEquals(LocalDate.of(2026, 3, 31), ExpiryRules.today(lateOn31March, ZoneId.of("UTC")));
        assertEquals(LocalDate.of(2026, 4, 1), ExpiryRules.today(lateOn31March, ZoneId.of("Pacific/Auckland")));
        assertEquals(LocalDate.of(2026, 3, 31), ExpiryRules.today(Instant.parse("2026-04-01T03:00:00Z"),
                ZoneId.of("America/Los_Angeles")));
    }

    @Test
    void daysLeftAreNegativeOncePast() {
        LocalDate today = LocalDate.of(2028, 2, 28);
        assertEquals(1, ExpiryRules.daysLeft(LocalDate.of(2028, 2, 29), today));
        assertEquals(-2, ExpiryRules.daysLeft(LocalDate.of(2028, 2, 26), today));
        assertNull(ExpiryRules.daysLeft(null, today));
    }
}
