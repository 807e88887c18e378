package org.certportal.process.api;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * A schedule to add or to replace an existing one with.
 *
 * @param firstAt local date and time of the first firing, in {@code zone}; recurring firings keep
 *        this local time (a time skipped by a daylight-saving change fires an hour later that day)
 * @param zone the time zone the time is read in; null for the organisation's
 */
public record ScheduleRequest(String typeId, Map<String, String> parameters, LocalDateTime firstAt, ZoneId zone,
        Recurrence recurrence, RunOptions options) {
    public ScheduleRequest {
        if (typeId == null || typeId.isBlank()) {
            throw new IllegalArgumentException("Choose a process to schedule.");
        }
        if (firstAt == null) {
            throw new IllegalArgumentException("Give the date and time of the first run.");
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        recurrence = Objects.requireNonNullElse(recurrence, Recurrence.NONE);
        options = Objects.requireNonNullElse(options, RunOptions.run());
    }
}
