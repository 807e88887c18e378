package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.certportal.enrollments.api.Enrollment;
import org.certportal.persistence.api.JdbcStatements;

/**
 * The SQL of the consistency checker: {@link ConsistencyRules} as a WHERE clause, so the database
 * finds the few suspects among all enrollments. A test holds the two together.
 */
public final class ConsistencyQueries {
    private static final int FETCH = 500;

    /** What is done with each suspect while the rows stream by. */
    @FunctionalInterface
    public interface Each {
        void accept(Enrollment e) throws SQLException;
    }

    private ConsistencyQueries() {
    }

    /**
     * Streams by id the enrollments whose stored status may disagree with the rules on {@code today}:
     * all that {@link ConsistencyRules#check} finds without requirements and, with
     * {@code inProgressToo}, every one in progress and not earned (the requirements decide those).
     *
     * @param programId one program's; null for all
     */
    public static void suspects(Connection c, Long programId, LocalDate today, boolean inProgressToo, Each each)
            throws SQLException {
        String notEarned = ConsistencyRules.NOT_EARNED.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(",", "(", ")"));
        StringBuilder sql = new StringBuilder("SELECT " + EnrollmentQueries.COLUMNS + " FROM enrollment e WHERE ");
        List<Object> params = new ArrayList<>();
        if (programId != null) {
            sql.append("e.program_id = ? AND ");
            params.add(programId);
        }
        sql.append("((e.earned_on IS NOT NULL AND e.status IN ").append(notEarned).append(")")
                .append(" OR (e.status = 'ACTIVE' AND (e.earned_on IS NULL OR e.expires_on < ?))")
                .append(" OR (e.status = 'IN_PROGRESS' AND e.expires_on < ?)");
        params.add(today);
        params.add(today);
        if (inProgressToo) {
            sql.append(" OR (e.status = 'IN_PROGRESS' AND e.earned_on IS NULL)");
        }
        sql.append(") ORDER BY e.id");
        try (PreparedStatement s = JdbcStatements.prepare(c, sql.toString(), params)) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    each.accept(EnrollmentQueries.enrollment(rs));
                }
            }
        }
    }

    /** The enrollment as stored now, on the caller's connection. */
    public static Optional<Enrollment> find(Connection c, long id) throws SQLException {
        return EnrollmentQueries.byIds(c, List.of(id)).stream().findFirst();
    }
}
