package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.internal.CredentialAwarder.Achieved;
import org.certportal.credentials.internal.CredentialAwarder.Held;

/**
 * What the award rules need of one student, read in three statements: name and address, pending
 * achieved credentials with their school or authority, credentials held.
 *
 * @param name given and family name, as printed
 * @param studentId the external identifier, or null
 * @param address the mailing address, or null when none is kept
 * @param pending achieved and not awarded, with where each was achieved ({@link #bodies})
 */
record StudentCredentials(long contactId, String name, String studentId, PostalAddress address,
        List<Achieved> pending, Map<Long, IssuingBody> bodies, Map<Long, String> sessions, List<Held> held) {

    static StudentCredentials read(Connection c, long contactId) throws SQLException {
        String name = null;
        String studentId = null;
        PostalAddress address = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.given_name, s.family_name, s.external_id,"
                + " ad.address_line1, ad.address_line2, ad.city, ad.region, ad.postal_code, ad.country"
                + " FROM contact_summary s LEFT JOIN student_address ad ON ad.contact_id = s.id WHERE s.id = ?")) {
            ps.setLong(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    name = rs.getString(1) == null ? rs.getString(2) : rs.getString(1) + " " + rs.getString(2);
                    studentId = rs.getString(3);
                    address = rs.getString(4) == null && rs.getString(6) == null ? null : address(rs, 4);
                }
            }
        }
        List<Achieved> pending = new ArrayList<>();
        Map<Long, IssuingBody> bodies = new HashMap<>();
        Map<Long, String> sessions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.achieved_on, a.exam_session, t.id, t.code,"
                + " t.name, t.precedence, b.id, b.code, b.name, b.kind, b.address_line1, b.address_line2, b.city,"
                + " b.region, b.postal_code, b.country FROM achieved_credential a"
                + " JOIN credential_type t ON t.id = a.type_id JOIN issuing_body b ON b.id = a.issuing_body_id"
                + " WHERE a.contact_id = ? AND a.status = 'PENDING' ORDER BY a.id")) {
            ps.setLong(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    pending.add(new Achieved(id, type(rs, 4), rs.getObject(2, LocalDate.class)));
                    sessions.put(id, rs.getString(3));
                    bodies.put(id, new IssuingBody(rs.getLong(8), rs.getString(9), rs.getString(10),
                            IssuingBody.Kind.valueOf(rs.getString(11)), address(rs, 12)));
                }
            }
        }
        List<Held> held = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT w.id, w.number, t.id, t.code, t.name, t.precedence"
                + " FROM awarded_credential w JOIN credential_type t ON t.id = w.type_id"
                + " WHERE w.contact_id = ? AND w.status = 'AWARDED' ORDER BY w.id")) {
            ps.setLong(1, contactId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(new Held(rs.getLong(1), rs.getString(2), type(rs, 3)));
                }
            }
        }
        return new StudentCredentials(contactId, name, studentId, address, pending, bodies, sessions, held);
    }

    boolean exists() {
        return name != null;
    }

    static CredentialType type(ResultSet rs, int from) throws SQLException {
        return new CredentialType(rs.getLong(from), rs.getString(from + 1), rs.getString(from + 2),
                rs.getInt(from + 3));
    }

    static PostalAddress address(ResultSet rs, int from) throws SQLException {
        return new PostalAddress(rs.getString(from), rs.getString(from + 1), rs.getString(from + 2),
                rs.getString(from + 3), rs.getString(from + 4), rs.getString(from + 5));
    }
}
