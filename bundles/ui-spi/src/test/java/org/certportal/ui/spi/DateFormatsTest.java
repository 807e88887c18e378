package org.certportal.ui.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.datepicker.DatePicker;

class DateFormatsTest {
    private final DateFormats swiss = new DateFormats("dd.MM.yyyy", ZoneId.of("Europe/Zurich"));

    @Test
    void datesAndTimesInThePatternAndZone() {
        assertEquals("05.01.2026", swiss.date(LocalDate.of(2026, 1, 5)));
        // 23:30 UTC on 31 December is already the next year in Zurich
        assertEquals("01.01.2027 00:30", swiss.time(Instant.parse("2026-12-31T23:30:00Z")));
        assertEquals("2026-01-05", DateFormats.iso(ZoneId.of("UTC")).date(LocalDate.of(2026, 1, 5)));
        assertEquals("", swiss.date(null));
        assertEquals("", swiss.time(null));
    }

    @Test
    void aPickerWritesThePatternAndReadsIsoToo() {
        DatePicker picker = swiss.localize(new DatePicker());
        assertEquals(List.of("dd.MM.yyyy", "yyyy-MM-dd"), picker.getI18n().getDateFormats());
        DatePicker iso = DateFormats.iso(ZoneId.of("UTC")).localize(new DatePicker());
        assertEquals(List.of("yyyy-MM-dd"), iso.getI18n().getDateFormats());
    }
}
