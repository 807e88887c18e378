package org.certportal.process.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunState;
import org.certportal.security.api.Caller;

/** A process_run row with the engine's own columns beside what the API shows. */
record StoredRun(long id, String typeId, String typeTitle, String permission, String scope, String params,
        boolean dryRun, RunState state, String startedBy, String startedByRoles, String notifyTo, Long scheduleId,
        Long retryOf, Instant queuedAt, Instant startedAt, Instant finishedAt, boolean selected, long total,
        long done, long skipped, long failed, String error, long processedThrough, String owner, Instant heartbeatAt, Instant paceSince,
        Long paceProcessed) {

    static final String COLUMNS = "id, type_id, type_title, permission, scope, params, dry_run, state, started_by,"
            + " started_by_roles, notify_to, schedule_id, retry_of, queued_at, started_at, finished_at, selected,"
            + " total, done_count, skipped_count, failed_count, error, processed_through, owner, heartbeat_at, pace_since, pace_processed";

    static StoredRun read(ResultSet rs) throws SQLException {
        return new StoredRun(rs.getLong("id"), rs.getString("type_id"), rs.getString("type_title"),
                rs.getString("permission"), rs.getString("scope"), rs.getString("params"), rs.getBoolean("dry_run"),
                RunState.valueOf(rs.getString("state")), rs.getString("started_by"), rs.getString("started_by_roles"),
                rs.getString("notify_to"), Jdbc.nullableLong(rs, "schedule_id"), Jdbc.nullableLong(rs, "retry_of"),
                Jdbc.instant(rs, "queued_at"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                rs.getBoolean("selected"), rs.getLong("total"), rs.getLong("done_count"), rs.getLong("skipped_count"),
                rs.getLong("failed_count"), rs.getString("error"), rs.getLong("processed_through"), rs.getString("owner"),
                Jdbc.instant(rs, "heartbeat_at"), Jdbc.instant(rs, "pace_since"),
                Jdbc.nullableLong(rs, "pace_processed"));
    }

    long processed() {
        return done + skipped + failed;
    }

    Caller caller() {
        return CallerSubjects.caller(startedBy, startedByRoles);
    }

    ProcessRun toApi(Instant now) {
        Instant estimate = state == RunState.RUNNING && selected ? Progress.estimatedFinish(total, processed(),
                paceSince, paceProcessed == null ? 0 : paceProcessed, now) : null;
        return new ProcessRun(id, typeId, typeTitle, scope, ParameterCodec.decode(params), dryRun, state, startedBy,
                notifyTo, scheduleId, retryOf, queuedAt, startedAt, finishedAt, total, done, skipped, failed, error,
                estimate);
    }
}
