package org.certportal.process.api;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * A stored schedule.
 *
 * @param nextFireAt when it fires next; null once done or cancelled
 * @param available whether its process type is there (an unavailable one waits and fires when it returns)
 * @param note why it did not fire when due (e.g. a run of the same scope is active); null when it did
 * @param version for editing: a stale version is refused
 */
public record ProcessSchedule(long id, String typeId, Map<String, String> parameters, LocalDateTime firstAt,
        ZoneId zone, Recurrence recurrence, boolean dryRun, String notifyTo, ScheduleState state, Instant nextFireAt,
        Long lastRunId, String note, String createdBy, Instant createdAt, boolean available, long version) {
    public ProcessSchedule {
        parameters = Map.copyOf(parameters);
    }
}
