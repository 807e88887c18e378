package org.certportal.tracking.internal.massdrop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.PageRequest;
import org.certportal.tracking.api.DroppedRow;

/**
 * The changes of mass drop runs ({@code tracking_mass_drop_row}) and their reverts
 * ({@code tracking_mass_drop_revert}), read with each enrollment as it stands now through the published views.
 */
final class MassDropLog {
    /** A row with the enrollment's state now: unchanged since the run when its version is still the one left. */
    private static final String ROWS = "SELECT r.enrollment_id, c.given_name, c.family_name, c.external_id,"
            + " r.old_status, r.new_status, r.terminated_on, e.status, e.version, r.version_after, r.reverted"
            + " FROM tracking_mass_drop_row r LEFT JOIN enrollment_summary e ON e.id = r.enrollment_id"
            + " LEFT JOIN contact_summary c ON c.id = e.contact_id WHERE r.run_id = ?";
    /** Rows nobody changed since the run, not reverted: what a revert moves back. */
    private static final String UNCHANGED = " AND r.reverted = FALSE AND e.version = r.version_after"
            + " AND e.status = r.new_status";

    private MassDropLog() {
    }

    /** One row as recorded and as it stands, with the version it stands at now (for the revert). */
    record Recorded(DroppedRow row, Long versionNow, long versionAfter) {
    }

    static void record(Connection c, long runId, long enrollmentId, CertificationStatus from, CertificationStatus to,
            long versionAfter, LocalDate terminatedOn, Timestamp at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tracking_mass_drop_row (run_id, enrollment_id,"
                + " old_status, new_status, version_after, terminated_on, changed_at, reverted)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)")) {
            ps.setLong(1, runId);
            ps.setLong(2, enrollmentId);
            ps.setString(3, from.name());
            ps.setString(4, to.name());
            ps.setLong(5, versionAfter);
            ps.setObject(6, terminatedOn);
            ps.setTimestamp(7, at);
            ps.executeUpdate();
        }
    }

    /** How many rows the run changed, and how many of them a revert would move back now. */
    static long[] counts(Connection c, long runId) throws SQLException {
        return new long[] {count(c, "SELECT COUNT(*) FROM tracking_mass_drop_row r WHERE r.run_id = ?", runId),
            count(c, "SELECT COUNT(*) FROM tracking_mass_drop_row r JOIN enrollment_summary e ON e.id = r.enrollment_id"
                    + " WHERE r.run_id = ?" + UNCHANGED, runId)};
    }

    /** The run's rows in enrollment order, paged in the database. */
    static List<Recorded> rows(Connection c, long runId, PageRequest page) throws SQLException {
        return read(c, ROWS + " ORDER BY r.enrollment_id LIMIT ? OFFSET ?", runId, page.limit(), page.offset());
    }

    /** Every row of the run, by enrollment (the revert reads them once, in its transaction). */
    static List<Recorded> all(Connection c, long runId) throws SQLException {
        return read(c, ROWS + " ORDER BY r.enrollment_id", runId);
    }

    static void markReverted(Connection c, long runId, List<Long> enrollmentIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tracking_mass_drop_row SET reverted = TRUE"
                + " WHERE run_id = ? AND enrollment_id = ?")) {
            for (long id : enrollmentIds) {
                ps.setLong(1, runId);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The revert of a run, when there was one. */
    record Revert(String by, java.time.Instant at, long movedBack, long leftAlone) {
    }

    static Optional<Revert> revert(Connection c, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT reverted_by, reverted_at, moved_back, left_alone"
                + " FROM tracking_mass_drop_revert WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Revert(rs.getString(1), rs.getTimestamp(2).toLocalDateTime()
                        .toInstant(ZoneOffset.UTC), rs.getLong(3), rs.getLong(4))) : Optional.empty();
            }
        }
    }

    /**
     * Claims the run's revert (its key makes a concurrent second revert wait, then fail); the counts follow with
     * {@link #revertDone}.
     */
    static void claimRevert(Connection c, long runId, String by, Timestamp at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tracking_mass_drop_revert (run_id, reverted_by,"
                + " reverted_at, moved_back, left_alone) VALUES (?, ?, ?, 0, 0)")) {
            ps.setLong(1, runId);
            ps.setString(2, by);
            ps.setTimestamp(3, at);
            ps.executeUpdate();
        }
    }

    static void revertDone(Connection c, long runId, long movedBack, long leftAlone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tracking_mass_drop_revert SET moved_back = ?,"
                + " left_alone = ? WHERE run_id = ?")) {
            ps.setLong(1, movedBack);
            ps.setLong(2, leftAlone);
            ps.setLong(3, runId);
            ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Recorded> read(Connection c, String sql, Object... params) throws SQLException {
        List<Recorded> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String given = rs.getString(2);
                    String family = rs.getString(3);
                    String name = family == null ? null : (given == null ? "" : given + " ") + family;
                    CertificationStatus to = CertificationStatus.valueOf(rs.getString(6));
                    String nowText = rs.getString(8);
                    CertificationStatus now = nowText == null ? null : CertificationStatus.valueOf(nowText);
                    Long versionNow = rs.getObject(9) == null ? null : rs.getLong(9);
                    long versionAfter = rs.getLong(10);
                    boolean reverted = rs.getBoolean(11);
                    boolean unchanged = !reverted && versionNow != null && versionNow == versionAfter && now == to;
                    rows.add(new Recorded(new DroppedRow(rs.getLong(1), name, rs.getString(4),
                            CertificationStatus.valueOf(rs.getString(5)), to, rs.getObject(7, LocalDate.class), now,
                            unchanged, reverted), versionNow, versionAfter));
                }
            }
        }
        return rows;
    }
}
