package org.certportal.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.TrackingFilter;
import org.junit.jupiter.api.Test;

class FilterQueryTest {
    private static final TrackingFilter FULL = new TrackingFilter("O'Brien & co", Set.of("RN", "CPA"),
            EnumSet.of(CertificationStatus.NOT_COMPLETED, CertificationStatus.EXPIRING),
            new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
            new DateRange(null, LocalDate.of(2026, 6, 30)), new DateRange(LocalDate.of(2026, 7, 1), null));

    @Test
    void aFilterSurvivesTheQueryString() {
        String query = FilterQuery.format(FULL);
        assertEquals("q=O%27Brien+%26+co&program=CPA&program=RN&status=not-completed&status=expiring"
                + "&enrolled=2025-01-01..2025-12-31&earned=..2026-06-30&expires=2026-07-01..", query);
        assertEquals(FULL, FilterQuery.parse(query));
        assertEquals(FULL, FilterQuery.filter(FilterQuery.parameters(FULL)));
    }

    @Test
    void theEmptyFilterIsAnEmptyQuery() {
        assertEquals("", FilterQuery.format(TrackingFilter.ALL));
        assertEquals(TrackingFilter.ALL, FilterQuery.parse(""));
        assertEquals(TrackingFilter.ALL, FilterQuery.parse("unknown=1"));
    }

    @Test
    void valuesMayBeSeparatedByCommasAndADateIsOneDay() {
        TrackingFilter f = FilterQuery.filter(Map.of("status", List.of("active, admin-review"), "program",
                List.of("A,B"), "expires", List.of("2026-02-28")));
        assertEquals(EnumSet.of(CertificationStatus.ACTIVE, CertificationStatus.ADMIN_REVIEW), f.statuses());
        assertEquals(Set.of("A", "B"), f.programs());
        assertEquals(new DateRange(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 2, 28)), f.expires());
    }

    @Test
    void badValuesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FilterQuery.parse("status=finished"));
        assertTrue(e.getMessage().contains("'finished'") && e.getMessage().contains("not-completed"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FilterQuery.parse("enrolled=2026-13-01.."));
        assertTrue(e.getMessage().contains("enrollment dates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FilterQuery.parse("earned=2026-02-01..2026-01-01"));
        assertTrue(e.getMessage().contains("cannot end"), e.getMessage());
    }
}
