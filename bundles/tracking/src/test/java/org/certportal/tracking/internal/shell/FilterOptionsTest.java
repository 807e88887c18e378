package org.certportal.tracking.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.TrackingFilter;
import org.junit.jupiter.api.Test;

/** The commands take the page's filter with the values of its URL. */
class FilterOptionsTest {
    @Test
    void optionsMakeTheSameFilterAsThePage() {
        ListCommand list = new ListCommand();
        list.text = "hop";
        list.programs = List.of("cpa,rn", "LAW");
        list.statuses = List.of("expiring", "admin-review");
        list.expires = "..2026-06-30";
        list.enrolled = "2025-01-01";
        assertEquals(new TrackingFilter("hop", Set.of("cpa", "rn", "LAW"), EnumSet.of(CertificationStatus.EXPIRING,
                CertificationStatus.ADMIN_REVIEW), new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1)),
                DateRange.ANY, new DateRange(null, LocalDate.of(2026, 6, 30))), list.filter());
        assertEquals(TrackingFilter.ALL, new ExportCommand().filter());
    }

    @Test
    void aWrongStatusIsNamed() {
        ListCommand list = new ListCommand();
        list.statuses = List.of("done");
        assertThrows(IllegalArgumentException.class, list::filter);
    }
}
