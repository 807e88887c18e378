package org.certportal.tracking.api;

import java.time.LocalDate;

/**
 * Days from {@code from} to {@code to}, both included; either end may be open (null).
 */
public record DateRange(LocalDate from, LocalDate to) {
    public static final DateRange ANY = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("A date range cannot end (" + to + ") before it begins (" + from + ").");
        }
    }

    public boolean isAny() {
        return from == null && to == null;
    }
}
