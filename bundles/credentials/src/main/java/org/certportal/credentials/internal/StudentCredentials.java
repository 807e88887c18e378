package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.internal.CredentialAwarder.Achieved;
import org.certportal.credentials.internal.CredentialAwarder.Held;
import org.certportal.persistence.api.JdbcStatements;

/**
 * What the award rules need of a student: name and address, pending achieved credentials with their school
 * or authority, credentials held. Read for many students at once in four statements (a chunk of an award
 * run), or for one.
 *
 * @param name given and family name, as printed
 * @param studentId the external identifier, or null
 * @param address the mailing address, or null when none is kept
 * @param pending achieved and not awarded, with where each was achieved ({@link #bodies})
 */
record StudentCredentials(long contactId, String name, String studentId, PostalAddress address,
        List<Achieved> pending, Map<Long, IssuingBody> bodies, Map<Long, String> sessions, List<Held> held) {

    static StudentCredentials read(Connection c, long contactId) throws SQLException {
        return readAll(c, List.of(contactId)).get(contactId);
    }

    /** The students of these contact ids, in four statements; a contact that no longer exists maps to one without a name. */
    static Map<Long, StudentCredentials> readAll(Connection c, Collection<Long> contactIds) throws SQLException {
        Map<Long, Builder> students = new LinkedHashMap<>();
        for (Long id : contactIds) {
            students.put(id, new Builder(id));
        }
        List<Long> ids = List.copyOf(students.keySet());
        String in = JdbcStatements.placeholders(ids.size());
        try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT id, given_name, family_name, external_id"
                + " FROM contact_summary WHERE id IN " + in, ids); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder b = students.get(rs.getLong(1));
                b.name = rs.getString(2) == null ? rs.getString(3) : rs.getString(2) + " " + rs.getString(3);
                b.studentId = rs.getString(4);
            }
        }
        // the addresses in a query of their own: joined to the contacts, PostgreSQL read every address (the list
        // of ids narrows the contacts only) and took 20 times as long
        try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT contact_id, address_line1, address_line2, city,"
                + " region, postal_code, country FROM student_address WHERE contact_id IN " + in, ids);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder b = students.get(rs.getLong(1));
                b.address = rs.getString(2) == null && rs.getString(4) == null ? null : address(rs, 2);
            }
        }
        try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT a.contact_id, a.id, a.achieved_on,"
                + " a.exam_session, t.id, t.code, t.name, t.precedence, b.id, b.code, b.name, b.kind, b.address_line1,"
                + " b.address_line2, b.city, b.region, b.postal_code, b.country FROM achieved_credential a"
                + " JOIN credential_type t ON t.id = a.type_id JOIN issuing_body b ON b.id = a.issuing_body_id"
                + " WHERE a.contact_id IN " + in + " AND a.status = 'PENDING' ORDER BY a.contact_id, a.id", ids);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Builder s = students.get(rs.getLong(1));
                long id = rs.getLong(2);
                s.pending.add(new Achieved(id, type(rs, 5), rs.getObject(3, LocalDate.class)));
                s.sessions.put(id, rs.getString(4));
                s.bodies.put(id, new IssuingBody(rs.getLong(9), rs.getString(10), rs.getString(11),
                        IssuingBody.Kind.valueOf(rs.getString(12)), address(rs, 13)));
            }
        }
        try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT w.contact_id, w.id, w.number, t.id, t.code,"
                + " t.name, t.precedence FROM awarded_credential w JOIN credential_type t ON t.id = w.type_id"
                + " WHERE w.contact_id IN " + in + " AND w.status = 'AWARDED' ORDER BY w.contact_id, w.id", ids);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                students.get(rs.getLong(1)).held.add(new Held(rs.getLong(2), rs.getString(3), type(rs, 4)));
            }
        }
        Map<Long, StudentCredentials> read = new HashMap<>();
        for (Builder b : students.values()) {
            read.put(b.contactId, new StudentCredentials(b.contactId, b.name, b.studentId, b.address, b.pending,
                    b.bodies, b.sessions, b.held));
        }
        return read;
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

    private static final class Builder {
        final long contactId;
        String name;
        String studentId;
        PostalAddress address;
        final List<Achieved> pending = new ArrayList<>();
        final Map<Long, IssuingBody> bodies = new HashMap<>();
        final Map<Long, String> sessions = new HashMap<>();
        final List<Held> held = new ArrayList<>();

        Builder(long contactId) {
            this.contactId = contactId;
        }
    }
}
