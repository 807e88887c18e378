package org.certportal.process.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.ScheduleState;
import org.certportal.security.api.Caller;

/**
 * The process_schedule table in plain JDBC. Firing and editing are guarded by the version column:
 * of two portals firing one schedule only one UPDATE matches, so it makes one run.
 */
final class ScheduleStore {
    static final String COLUMNS = "id, type_id, permission, params, first_at, zone, recurrence, dry_run, notify_to,"
            + " state, next_fire_at, last_run_id, note, scheduled_by, scheduled_by_roles, created_at, version";

    /** A stored schedule with what the engine needs beside the API's view. */
    record Stored(ProcessSchedule schedule, String permission, String scheduledByRoles) {
        Caller caller() {
            return CallerSubjects.caller(schedule.createdBy(), scheduledByRoles);
        }
    }

    /** The values a schedule is made or replaced with. */
    record Values(String typeId, String permission, String params, LocalDateTime firstAt, ZoneId zone,
            Recurrence recurrence, boolean dryRun, String notifyTo, Instant nextFireAt, Caller by) {
    }

    private ScheduleStore() {
    }

    static long insert(Connection c, Values v, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO process_schedule (type_id, permission, params,"
                + " first_at, zone, recurrence, dry_run, notify_to, state, next_fire_at, scheduled_by,"
                + " scheduled_by_roles, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                new String[] { "id" })) {
            Jdbc.bind(insert, Arrays.asList(v.typeId(), v.permission(), v.params(), v.firstAt(), v.zone().getId(),
                    v.recurrence().name(), v.dryRun(), v.notifyTo(), ScheduleState.ACTIVE.name(), v.nextFireAt(),
                    v.by().userName(), CallerSubjects.roles(v.by()), now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no id for the new schedule.");
                }
                return keys.getLong(1);
            }
        }
    }

    /** Replaces an active schedule's values. @return false when its version moved on or it is no longer active */
    static boolean replace(Connection c, long id, long version, Values v) throws SQLException {
        return RunStore.update(c, "UPDATE process_schedule SET params = ?, first_at = ?, zone = ?, recurrence = ?,"
                + " dry_run = ?, notify_to = ?, next_fire_at = ?, note = NULL, scheduled_by = ?, scheduled_by_roles = ?,"
                + " version = version + 1 WHERE id = ? AND version = ? AND state = ?", v.params(), v.firstAt(),
                v.zone().getId(), v.recurrence().name(), v.dryRun(), v.notifyTo(), v.nextFireAt(),
                v.by().userName(), CallerSubjects.roles(v.by()), id, version, ScheduleState.ACTIVE.name()) == 1;
    }

    static boolean cancel(Connection c, long id) throws SQLException {
        return RunStore.update(c, "UPDATE process_schedule SET state = ?, next_fire_at = NULL, version = version + 1"
                + " WHERE id = ? AND state = ?", ScheduleState.CANCELLED.name(), id, ScheduleState.ACTIVE.name()) == 1;
    }

    /**
     * Records a firing: the next time (or done), the run it made. Guarded by the version read, so
     * that one portal fires it.
     */
    static boolean fired(Connection c, long id, long version, Instant next, Long runId, String note)
            throws SQLException {
        return RunStore.update(c, "UPDATE process_schedule SET state = ?, next_fire_at = ?, last_run_id ="
                + " COALESCE(?, last_run_id), note = ?, version = version + 1 WHERE id = ? AND version = ? AND state = ?",
                (next == null ? ScheduleState.DONE : ScheduleState.ACTIVE).name(), next, runId, note, id, version,
                ScheduleState.ACTIVE.name()) == 1;
    }

    /** Why a due schedule did not fire; it stays due. Does not move the version (no one's edit is lost). */
    static void note(Connection c, long id, String note) throws SQLException {
        RunStore.update(c, "UPDATE process_schedule SET note = ? WHERE id = ?",
                note == null ? null : ChunkWork.shorten(note, 1000), id);
    }

    static Optional<Stored> find(Connection c, long id, Predicate<String> available) throws SQLException {
        List<Stored> found = list(c, "SELECT " + COLUMNS + " FROM process_schedule WHERE id = ?", available, id);
        return found.stream().findFirst();
    }

    static List<Stored> due(Connection c, Instant now, int limit, Predicate<String> available) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM process_schedule WHERE state = ? AND next_fire_at <= ?"
                + " ORDER BY next_fire_at, id LIMIT ?", available, ScheduleState.ACTIVE.name(), now, limit);
    }

    /** Type ids that active schedules wait for. */
    static List<String> activeTypeIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT type_id FROM process_schedule WHERE state = ?"
                + " UNION SELECT DISTINCT type_id FROM process_run WHERE state IN ('QUEUED', 'RUNNING', 'CANCELLING')")) {
            select.setString(1, ScheduleState.ACTIVE.name());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    static Page<ProcessSchedule> search(Connection c, String typeId, ScheduleState state, PageRequest page,
            Predicate<String> available) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (typeId != null && !typeId.isBlank()) {
            where.append(" AND type_id = ?");
            args.add(typeId.strip());
        }
        if (state != null) {
            where.append(" AND state = ?");
            args.add(state.name());
        }
        long total;
        try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM process_schedule" + where)) {
            Jdbc.bind(count, args);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        args.add(page.limit());
        args.add(page.offset());
        List<Stored> rows = list(c, "SELECT " + COLUMNS + " FROM process_schedule" + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?", available, args.toArray());
        return new Page<>(rows.stream().map(Stored::schedule).toList(), total);
    }

    private static List<Stored> list(Connection c, String sql, Predicate<String> available, Object... args)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            Jdbc.bind(select, Arrays.asList(args));
            List<Stored> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String typeId = rs.getString("type_id");
                    ProcessSchedule s = new ProcessSchedule(rs.getLong("id"), typeId,
                            ParameterCodec.decode(rs.getString("params")),
                            rs.getObject("first_at", LocalDateTime.class), ZoneId.of(rs.getString("zone")),
                            Recurrence.valueOf(rs.getString("recurrence")), rs.getBoolean("dry_run"),
                            rs.getString("notify_to"), ScheduleState.valueOf(rs.getString("state")),
                            Jdbc.instant(rs, "next_fire_at"), Jdbc.nullableLong(rs, "last_run_id"),
                            rs.getString("note"), rs.getString("scheduled_by"), Jdbc.instant(rs, "created_at"),
                            available.test(typeId), rs.getLong("version"));
                    rows.add(new Stored(s, rs.getString("permission"), rs.getString("scheduled_by_roles")));
                }
            }
            return rows;
        }
    }
}
