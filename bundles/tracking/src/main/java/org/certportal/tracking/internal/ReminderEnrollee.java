package org.certportal.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.JdbcStatements;

/** One enrollment as a reminder needs it, read through the published views of contacts, programs and enrollments. */
public record ReminderEnrollee(long enrollmentId, long contactId, String contactName, long programId,
        String programName, int ruleVersion, CertificationStatus status, LocalDate expiresOn, long version) {

    private static final String SQL = "SELECT e.id, e.contact_id, c.given_name, c.family_name, e.program_id, p.name,"
            + " e.rule_version, e.status, e.expires_on, e.version FROM enrollment_summary e"
            + " JOIN contact_summary c ON c.id = e.contact_id JOIN program_summary p ON p.id = e.program_id"
            + " WHERE e.id";
    private static final int MAX_IN = 1000;

    public static Optional<ReminderEnrollee> find(Connection c, long enrollmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL + " = ?")) {
            ps.setLong(1, enrollmentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Many at once, in one query per {@value #MAX_IN} ids (a chunk of a run); the ones not found are left out. */
    public static Map<Long, ReminderEnrollee> findAll(Connection c, List<Long> enrollmentIds) throws SQLException {
        Map<Long, ReminderEnrollee> found = new HashMap<>();
        for (int from = 0; from < enrollmentIds.size(); from += MAX_IN) {
            List<Long> part = enrollmentIds.subList(from, Math.min(enrollmentIds.size(), from + MAX_IN));
            try (PreparedStatement ps = c.prepareStatement(SQL + " IN " + JdbcStatements.placeholders(part.size()))) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setLong(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ReminderEnrollee e = read(rs);
                        found.put(e.enrollmentId(), e);
                    }
                }
            }
        }
        return found;
    }

    private static ReminderEnrollee read(ResultSet rs) throws SQLException {
        String given = rs.getString(3);
        String family = rs.getString(4);
        return new ReminderEnrollee(rs.getLong(1), rs.getLong(2), given == null || given.isBlank() ? family
                : given + " " + family, rs.getLong(5), rs.getString(6), rs.getInt(7),
                CertificationStatus.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class), rs.getLong(10));
    }

    /** The placeholders' values today; without an expiration date (never earned) today stands in for it. */
    public ReminderTemplate.Values values(int graceDays, LocalDate today) {
        LocalDate expires = expiresOn == null ? today : expiresOn;
        return new ReminderTemplate.Values(contactName, programName, expires,
                ReminderRules.daysLeft(expires, graceDays, today));
    }
}
