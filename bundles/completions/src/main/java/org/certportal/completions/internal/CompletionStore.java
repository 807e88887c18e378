package org.certportal.completions.internal;

import static org.certportal.persistence.api.JdbcStatements.placeholders;
import static org.certportal.persistence.api.JdbcStatements.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certportal.completions.api.ApprovalFilter;
import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.PendingApproval;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/** The completion table in SQL, on the caller's connection and transaction. */
final class CompletionStore {
    static final String COLUMNS = "cp.id, cp.enrollment_id, cp.requirement_id, cp.offering_id, cp.completed_on,"
            + " cp.notes, cp.grade, cp.status, cp.reason, cp.recorded_by, cp.recorded_at, cp.decided_by,"
            + " cp.decided_at, cp.version";
    static final String INSERT = "INSERT INTO completion (id, enrollment_id, program_id, requirement_id,"
            + " requirement_title, requirement_title_key, offering_id, completed_on, notes, grade, status, reason,"
            + " recorded_by, recorded_at, decided_by, decided_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " NULL, ?, ?, NULL, NULL, 1)";
    /** Recording again: a new attempt, so an earlier decision no longer stands. */
    static final String RECORD_AGAIN = "UPDATE completion SET offering_id = ?, completed_on = ?, notes = ?, grade = ?,"
            + " status = ?, reason = NULL, recorded_by = ?, recorded_at = ?, decided_by = NULL, decided_at = NULL,"
            + " version = version + 1 WHERE id = ? AND version = ?";
    private static final Map<String, String> SORTS = Map.of(CompletionService.SORT_RECORDED, "cp.recorded_at",
            CompletionService.SORT_COMPLETED_ON, "cp.completed_on", CompletionService.SORT_NAME,
            "ct.family_name_key");
    static final String STALE = "The completion was changed by someone else since you opened it; reload it and make"
            + " your change again.";

    /** A new row. */
    record NewCompletion(long id, long enrollmentId, long programId, long requirementId, String requirementTitle,
            Long offeringId, LocalDate completedOn, String notes, String grade, CompletionStatus status,
            String recordedBy, Instant recordedAt) {
    }

    private CompletionStore() {
    }

    static List<Completion> ofEnrollment(Connection c, long enrollmentId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM completion cp WHERE cp.enrollment_id = ?", List.of(enrollmentId));
    }

    static List<Completion> ofEnrollments(Connection c, List<Long> enrollmentIds) throws SQLException {
        // one array parameter for any number of enrollments: one statement, one plan
        return list(c, "SELECT " + COLUMNS + " FROM completion cp WHERE cp.enrollment_id = ANY(?)",
                List.of((Object) enrollmentIds.toArray(Long[]::new)));
    }

    /** What deciding an enrollment's earning needs of one completion. */
    record Outcome(long enrollmentId, long requirementId, CompletionStatus status, LocalDate completedOn) {
    }

    /** The outcomes of these enrollments' completions, in one statement (an import's chunk). */
    static List<Outcome> outcomesOf(Connection c, List<Long> enrollmentIds) throws SQLException {
        List<Outcome> found = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT enrollment_id, requirement_id, status, completed_on FROM"
                + " completion WHERE enrollment_id = ANY(?)", List.of((Object) enrollmentIds.toArray(Long[]::new)));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Outcome(rs.getLong(1), rs.getLong(2), CompletionStatus.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class)));
            }
        }
        return found;
    }

    static List<Completion> byIds(Connection c, List<Long> ids) throws SQLException {
        List<Completion> found = new ArrayList<>();
        for (List<Long> part : Sql.parts(ids)) {
            found.addAll(list(c, "SELECT " + COLUMNS + " FROM completion cp WHERE cp.id IN "
                    + placeholders(part.size()), part));
        }
        return found;
    }

    static Completion existing(Connection c, long id) throws SQLException {
        List<Completion> found = byIds(c, List.of(id));
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No completion with id " + id + ".");
        }
        return found.get(0);
    }

    static void insert(Connection c, List<NewCompletion> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int pending = 0;
            for (NewCompletion r : rows) {
                ps.setLong(1, r.id());
                ps.setLong(2, r.enrollmentId());
                ps.setLong(3, r.programId());
                ps.setLong(4, r.requirementId());
                ps.setString(5, r.requirementTitle());
                ps.setString(6, r.requirementTitle().toLowerCase(Locale.ROOT));
                ps.setObject(7, r.offeringId());
                ps.setObject(8, r.completedOn());
                ps.setString(9, r.notes());
                ps.setString(10, r.grade());
                ps.setString(11, r.status().name());
                ps.setString(12, r.recordedBy());
                ps.setTimestamp(13, Sql.utc(r.recordedAt()));
                ps.addBatch();
                if (++pending == Sql.IN_CHUNK) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** A new attempt over an existing row, guarded by its version. */
    record Again(long id, long expectedVersion, Long offeringId, LocalDate completedOn, String notes, String grade,
            CompletionStatus status, String recordedBy, Instant recordedAt) {
    }

    static void recordAgain(Connection c, List<Again> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RECORD_AGAIN)) {
            for (Again r : rows) {
                ps.setObject(1, r.offeringId());
                ps.setObject(2, r.completedOn());
                ps.setString(3, r.notes());
                ps.setString(4, r.grade());
                ps.setString(5, r.status().name());
                ps.setString(6, r.recordedBy());
                ps.setTimestamp(7, Sql.utc(r.recordedAt()));
                ps.setLong(8, r.id());
                ps.setLong(9, r.expectedVersion());
                ps.addBatch();
            }
            checkAll(ps.executeBatch());
        }
    }

    static void grade(Connection c, long id, long expectedVersion, String grade, CompletionStatus status)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, "UPDATE completion SET grade = ?, status = ?, version = version + 1"
                + " WHERE id = ? AND version = ?", java.util.Arrays.asList(grade, status.name(), id, expectedVersion))) {
            checkAll(new int[] { ps.executeUpdate() });
        }
    }

    static void decide(Connection c, long id, long expectedVersion, CompletionStatus status, String reason,
            String by, Instant at) throws SQLException {
        decideAll(c, List.of(new Decision(id, expectedVersion, status, reason)), by, at);
    }

    /** An approval or rejection of one completion, guarded by its version. */
    record Decision(long id, long expectedVersion, CompletionStatus status, String reason) {
    }

    /** Many decisions by one person at one time, in one JDBC batch; a stale version fails them all. */
    static void decideAll(Connection c, List<Decision> decisions, String by, Instant at) throws SQLException {
        if (decisions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE completion SET status = ?, reason = ?, decided_by = ?,"
                + " decided_at = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            for (Decision d : decisions) {
                ps.setString(1, d.status().name());
                ps.setString(2, d.reason());
                ps.setString(3, by);
                ps.setTimestamp(4, Sql.utc(at));
                ps.setLong(5, d.id());
                ps.setLong(6, d.expectedVersion());
                ps.addBatch();
            }
            checkAll(ps.executeBatch());
        }
    }

    static Page<PendingApproval> pending(Connection c, ApprovalFilter filter, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE cp.status = 'AWAITING_APPROVAL'");
        List<Object> params = new ArrayList<>();
        ApprovalFilter f = filter == null ? ApprovalFilter.none() : filter;
        if (f.programId() != null) {
            where.append(" AND cp.program_id = ?");
            params.add(f.programId());
        }
        if (f.requirementText() != null && !f.requirementText().isBlank()) {
            where.append(" AND cp.requirement_title_key LIKE ? ESCAPE '\\'");
            params.add(JdbcStatements.startsWith(f.requirementText().strip().toLowerCase(Locale.ROOT)));
        }
        long total;
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM completion cp" + where, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
        }
        String column = page.sortBy() == null ? SORTS.get(CompletionService.SORT_RECORDED) : SORTS.get(page.sortBy());
        if (column == null) {
            throw new IllegalArgumentException("The approvals queue cannot be sorted by '" + page.sortBy() + "'.");
        }
        String direction = page.ascending() ? " ASC" : " DESC";
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.limit());
        paged.add(page.offset());
        // the contact's name comes through the enrollment, from the published views of the enrollments and
        // contacts features (sorted by name in the database)
        List<PendingApproval> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT cp.id, cp.version, cp.enrollment_id, ct.given_name,"
                + " ct.family_name, ct.external_id, cp.program_id, cp.requirement_title, cp.completed_on, cp.grade,"
                + " cp.recorded_by FROM completion cp JOIN enrollment_summary e ON e.id = cp.enrollment_id"
                + " JOIN contact_summary ct ON ct.id = e.contact_id" + where + " ORDER BY " + column + direction + ", cp.id"
                + direction + " LIMIT ? OFFSET ?", paged); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String given = rs.getString(4);
                rows.add(new PendingApproval(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        (given == null ? "" : given + " ") + rs.getString(5), rs.getString(6), rs.getLong(7),
                        rs.getString(8), rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11)));
            }
        }
        return new Page<>(rows, total);
    }

    /** Every row and file of these enrollments. */
    static int deleteOfEnrollments(Connection c, List<Long> enrollmentIds) throws SQLException {
        int deleted = 0;
        for (List<Long> part : Sql.parts(enrollmentIds)) {
            String in = placeholders(part.size());
            try (PreparedStatement files = prepare(c, "DELETE FROM completion_file WHERE completion_id IN"
                    + " (SELECT id FROM completion WHERE enrollment_id IN " + in + ")", part);
                    PreparedStatement rows = prepare(c, "DELETE FROM completion WHERE enrollment_id IN " + in,
                            part)) {
                files.executeUpdate();
                deleted += rows.executeUpdate();
            }
        }
        return deleted;
    }

    private static void checkAll(int[] counts) {
        for (int count : counts) {
            // (Statement.SUCCESS_NO_INFO when a driver does not count)
            if (count == 0) {
                throw new ConcurrentModificationException(STALE);
            }
        }
    }

    private static List<Completion> list(Connection c, String sql, List<?> params) throws SQLException {
        List<Completion> found = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new Completion(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4,
                        Long.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                        CompletionStatus.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                        Sql.instant(rs.getTimestamp(11)), rs.getString(12), Sql.instant(rs.getTimestamp(13)),
                        rs.getLong(14)));
            }
        }
        return found;
    }
}
