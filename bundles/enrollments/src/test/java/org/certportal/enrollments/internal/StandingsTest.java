package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StandingsTest {
    private static final LocalDate GRACE = LocalDate.of(2025, 6, 1);
    private static final LocalDate EXPIRES = LocalDate.of(2025, 7, 1);

    @ParameterizedTest
    @EnumSource(value = CertificationStatus.class, names = { "IN_PROGRESS", "APPLIED" })
    void studyingIsEnrolledUntilTheGracePeriodThenGraceThroughTheExpirationDayThenExpired(CertificationStatus s) {
        assertEquals(Standing.ENROLLED, Standings.of(s, GRACE, EXPIRES, GRACE.minusDays(1)));
        assertEquals(Standing.GRACE_PERIOD, Standings.of(s, GRACE, EXPIRES, GRACE));
        assertEquals(Standing.GRACE_PERIOD, Standings.of(s, GRACE, EXPIRES, EXPIRES));
        assertEquals(Standing.EXPIRED, Standings.of(s, GRACE, EXPIRES, EXPIRES.plusDays(1)));
    }

    @ParameterizedTest
    @EnumSource(value = CertificationStatus.class, names = { "ACTIVE", "ADMIN_REVIEW" })
    void earnedStaysEarnedThroughTheExpirationDayThenExpiresOrNeverWithoutExpiry(CertificationStatus s) {
        assertEquals(Standing.EARNED, Standings.of(s, GRACE, EXPIRES, GRACE.minusDays(1)));
        assertEquals(Standing.EARNED, Standings.of(s, GRACE, EXPIRES, EXPIRES));
        assertEquals(Standing.EXPIRED, Standings.of(s, GRACE, EXPIRES, EXPIRES.plusDays(1)));
        assertEquals(Standing.EARNED, Standings.of(s, GRACE, null, EXPIRES.plusYears(50)));
    }

    @Test
    void markedExpiredIsExpiredWhateverTheDates() {
        assertEquals(Standing.EXPIRED, Standings.of(CertificationStatus.EXPIRED, GRACE, EXPIRES, GRACE.minusDays(1)));
    }

    @ParameterizedTest
    @EnumSource(value = CertificationStatus.class, names = { "CANCELLED", "DECLINED", "INACTIVE", "NOT_COMPLETED" })
    void closedStatusesAreInNoTracker(CertificationStatus s) {
        assertEquals(Standing.CLOSED, Standings.of(s, GRACE, EXPIRES, GRACE.minusDays(1)));
        assertEquals(Standing.CLOSED, Standings.of(s, GRACE, EXPIRES, EXPIRES.plusDays(1)));
        assertTrue(Standings.purgeable(s, EXPIRES, GRACE));
    }

    @Test
    void purgeCandidatesAreClosedMarkedExpiredOrPastExpiryWithoutEarning() {
        assertTrue(Standings.purgeable(CertificationStatus.EXPIRED, EXPIRES, GRACE));
        assertFalse(Standings.purgeable(CertificationStatus.IN_PROGRESS, EXPIRES, EXPIRES));
        assertTrue(Standings.purgeable(CertificationStatus.IN_PROGRESS, EXPIRES, EXPIRES.plusDays(1)));
        assertTrue(Standings.purgeable(CertificationStatus.APPLIED, EXPIRES, EXPIRES.plusDays(1)));
        assertFalse(Standings.purgeable(CertificationStatus.ACTIVE, EXPIRES, EXPIRES.plusDays(1)),
                "a lapsed certification keeps its history");
        assertFalse(Standings.purgeable(CertificationStatus.ADMIN_REVIEW, null, EXPIRES));
    }
}
