package org.certportal.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import org.certportal.enrollments.api.CertificationStatus;

/** One enrollment as a reminder needs it, read through the published views of contacts, programs and enrollments. */
public record ReminderEnrollee(long enrollmentId, long contactId, String contactName, long programId,
        String programName, int ruleVersion, CertificationStatus status, LocalDate expiresOn, long version) {

    private static final String SQL = "SELECT e.id, e.contact_id, c.given_name, c.family_name, e.program_id, p.name,"
            + " e.rule_version, e.status, e.expires_on, e.version FROM enrollment_summary e"
            + " JOIN contact_summary c ON c.id = e.contact_id JOIN program_summary p ON p.id = e.program_id"
            + " WHERE e.id = ?";

    public static Optional<ReminderEnrollee> find(Connection c, long enrollmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, enrollmentId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String given = rs.getString(3);
                String family = rs.getString(4);
                return Optional.of(new ReminderEnrollee(rs.getLong(1), rs.getLong(2), given == null || given.isBlank()
                        ? family : given + " " + family, rs.getLong(5), rs.getString(6), rs.getInt(7),
                        CertificationStatus.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class),
                        rs.getLong(10)));
            }
        }
    }

    /** The placeholders' values today; without an expiration date (never earned) today stands in for it. */
    public ReminderTemplate.Values values(int graceDays, LocalDate today) {
        LocalDate expires = expiresOn == null ? today : expiresOn;
        return new ReminderTemplate.Values(contactName, programName, expires,
                ReminderRules.daysLeft(expires, graceDays, today));
    }
}
