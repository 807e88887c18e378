package org.certportal.ui.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n;

/**
 * How the organisation writes dates, for grids, texts and date pickers alike: one pattern (such as
 * {@code dd.MM.yyyy}) and the time zone in which moments become dates and times. A view gets it
 * from {@link OrganisationFormats#dates()} through its contribution, once per view.
 */
public final class DateFormats {
    /** ISO 8601: what a picker accepts besides the organisation's pattern, and the fallback. */
    public static final String ISO_PATTERN = "yyyy-MM-dd";

    private final String pattern;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    /**
     * @param pattern day, month and year as a date picker writes them: {@code d}/{@code dd}, {@code M}/{@code MM},
     *        {@code yy}/{@code yyyy}, with separators
     */
    public DateFormats(String pattern, ZoneId zone) {
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.zone = Objects.requireNonNull(zone, "zone");
        // in java.time "yyyy" is the year of an era; "uuuu" is the plain year a picker means
        String javaPattern = pattern.replace("yyyy", "uuuu");
        this.date = DateTimeFormatter.ofPattern(javaPattern);
        this.time = DateTimeFormatter.ofPattern(javaPattern + " HH:mm").withZone(zone);
    }

    /** ISO dates in this zone: for tests and for pages shown before the settings can be read. */
    public static DateFormats iso(ZoneId zone) {
        return new DateFormats(ISO_PATTERN, zone);
    }

    public String pattern() {
        return pattern;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The date as the organisation writes it; empty text for none. */
    public String date(LocalDate value) {
        return value == null ? "" : date.format(value);
    }

    /** The moment as the organisation's date and the time to the minute, in its time zone; empty text for none. */
    public String time(Instant at) {
        return at == null ? "" : time.format(at);
    }

    /**
     * Makes the picker show and read dates in the organisation's pattern (and read ISO dates too), so
     * what a user picks reads like the grids; returns the picker.
     */
    public <P extends DatePicker> P localize(P picker) {
        DatePickerI18n i18n = picker.getI18n() == null ? new DatePickerI18n() : picker.getI18n();
        if (pattern.equals(ISO_PATTERN)) {
            i18n.setDateFormat(pattern);
        } else {
            i18n.setDateFormats(pattern, ISO_PATTERN);
        }
        picker.setI18n(i18n);
        return picker;
    }
}
