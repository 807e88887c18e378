package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.security.api.SecurityService;

/**
 * Counts across programs for the home page's cards: one COUNT in the database each, on a range
 * an index serves (enrolled_on; status then expires_on), never a row loaded.
 */
final class EnrollmentCounts {
    private final EnrollmentStore store;
    private final SecurityService security;

    EnrollmentCounts(EnrollmentStore store, SecurityService security) {
        this.store = store;
        this.security = security;
    }

    long enrolledBetween(LocalDate from, LocalDate to) {
        security.require(EnrollmentPermissions.READ);
        checkRange(from, to);
        return store.sql(c -> count(c, "SELECT COUNT(*) FROM enrollment WHERE enrolled_on >= ? AND enrolled_on <= ?",
                List.of(from, to)));
    }

    long expiringBetween(LocalDate from, LocalDate to) {
        security.require(EnrollmentPermissions.READ);
        checkRange(from, to);
        // certified ones only: an expiration date of an enrollment never earned means nothing yet
        return store.sql(c -> count(c, "SELECT COUNT(*) FROM enrollment WHERE status IN ('ACTIVE', 'EXPIRING')"
                + " AND expires_on >= ? AND expires_on <= ?", List.of(from, to)));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A date range needs a start and an end on or after it.");
        }
    }

    private static long count(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = JdbcStatements.prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
