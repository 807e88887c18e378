package org.certportal.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.tracking.api.SentReminder;

/**
 * The steps of the ladder handled per enrollment and certification cycle (table {@code tracking_reminder},
 * unique on enrollment, expiration date and step).
 */
public final class ReminderLog {
    /** SQLSTATE of a unique-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String INSERT = "INSERT INTO tracking_reminder (enrollment_id, expires_on, step, outcome,"
            + " recipient, mail_id, run_id, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** One step to record. */
    public record Entry(ReminderRules.Step step, String outcome, String recipient, Long mailId) {
    }

    private ReminderLog() {
    }

    /** The keys of the steps handled in the cycle of this expiration date. */
    public static Set<String> handled(Connection c, long enrollmentId, LocalDate expiresOn) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT step FROM tracking_reminder WHERE enrollment_id = ?"
                + " AND expires_on = ?")) {
            ps.setLong(1, enrollmentId);
            ps.setObject(2, expiresOn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /**
     * The keys of the steps handled in the cycle of each enrollment's expiration date, for many enrollments in one
     * query (a chunk of the daily run); enrollments with none are left out.
     */
    public static Map<Long, Set<String>> handled(Connection c, Map<Long, LocalDate> expiresOn) throws SQLException {
        Map<Long, Set<String>> by = new HashMap<>();
        List<Long> ids = new ArrayList<>(expiresOn.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            try (PreparedStatement ps = c.prepareStatement("SELECT enrollment_id, expires_on, step FROM"
                    + " tracking_reminder WHERE enrollment_id IN "
                    + org.certportal.persistence.api.JdbcStatements.placeholders(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (rs.getObject(2, LocalDate.class).equals(expiresOn.get(id))) {
                            by.computeIfAbsent(id, k -> new HashSet<>()).add(rs.getString(3));
                        }
                    }
                }
            }
        }
        return by;
    }

    /**
     * The steps handled in the current cycle of every Active enrollment expiring by {@code to}, by enrollment,
     * in one read (the daily selection).
     */
    public static Map<Long, Set<String>> handledExpiring(Connection c, LocalDate to) throws SQLException {
        Map<Long, Set<String>> by = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.enrollment_id, r.step FROM tracking_reminder r"
                + " JOIN enrollment_summary e ON e.id = r.enrollment_id AND e.expires_on = r.expires_on"
                + " WHERE e.status = 'ACTIVE' AND e.expires_on <= ?")) {
            ps.setObject(1, to);
            ps.setFetchSize(5000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return by;
    }

    /**
     * Records the steps, all or none, under a savepoint of the caller's transaction, after {@code before} ran
     * (queueing the mail): when another run recorded one of them first (the unique key), everything since the
     * savepoint is rolled back, the mail included, and false is returned; the caller's transaction stays usable.
     */
    public static boolean recordOnce(Connection c, long enrollmentId, LocalDate expiresOn, Long runId, Instant at,
            SqlStep before, List<Entry> entries) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            List<Entry> all = new ArrayList<>(entries);
            Long mailId = before.run();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (Entry e : all) {
                    bind(ps, enrollmentId, expiresOn, runId, at, new Entry(e.step(), e.outcome(), e.recipient(),
                            mailId));
                    ps.executeUpdate();
                }
            }
            c.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(savepoint);
            return false;
        }
    }

    /** The steps handled for one enrollment's cycle (a sent step's entry carries the id of its mail). */
    public record Handled(long enrollmentId, LocalDate expiresOn, List<Entry> entries) {
    }

    /**
     * Records the steps of many enrollments in one batch, in the caller's transaction, with no savepoint: when
     * another run recorded one of them first the unique key fails the whole batch and the caller's transaction
     * must be rolled back (the daily run's chunk then goes row by row through {@link #recordOnce}).
     */
    public static void recordAll(Connection c, Long runId, Instant at, List<Handled> all) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int n = 0;
            for (Handled h : all) {
                for (Entry e : h.entries()) {
                    bind(ps, h.enrollmentId(), h.expiresOn(), runId, at, e);
                    ps.addBatch();
                    n++;
                }
            }
            if (n > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void bind(PreparedStatement ps, long enrollmentId, LocalDate expiresOn, Long runId, Instant at,
            Entry e) throws SQLException {
        ps.setLong(1, enrollmentId);
        ps.setObject(2, expiresOn);
        ps.setString(3, e.step().key());
        ps.setString(4, e.outcome());
        ps.setString(5, e.recipient());
        ps.setObject(6, SentReminder.SENT.equals(e.outcome()) ? e.mailId() : null);
        ps.setObject(7, runId);
        ps.setTimestamp(8, Timestamp.from(at));
    }

    /** Work done under the savepoint before the steps are recorded; returns the queued mail's id or null. */
    @FunctionalInterface
    public interface SqlStep {
        Long run() throws SQLException;
    }

    /** Deletes every reminder of these enrollments (a purge), in batches of the largest page. */
    static void deleteOfEnrollments(Connection c, List<Long> enrollmentIds) throws SQLException {
        for (int from = 0; from < enrollmentIds.size(); from += 1000) {
            List<Long> part = enrollmentIds.subList(from, Math.min(enrollmentIds.size(), from + 1000));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tracking_reminder WHERE enrollment_id IN "
                    + org.certportal.persistence.api.JdbcStatements.placeholders(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                ps.executeUpdate();
            }
        }
    }

    /** One enrollment's handled steps, newest first. */
    public static List<SentReminder> of(Connection c, long enrollmentId, int limit) throws SQLException {
        List<SentReminder> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT step, expires_on, outcome, recipient, handled_at,"
                + " run_id FROM tracking_reminder WHERE enrollment_id = ? ORDER BY handled_at DESC, id DESC"
                + " LIMIT ?")) {
            ps.setLong(1, enrollmentId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object run = rs.getObject(6);
                    list.add(new SentReminder(ReminderRules.Step.ofKey(rs.getString(1)).label(),
                            rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), run == null ? null : ((Number) run).longValue()));
                }
            }
        }
        return list;
    }
}
