package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.credentials.api.ProgramGrant;

/** The programs' option "grants a credential type", kept in {@code credential_program_grant}. */
final class ProgramGrants {
    private ProgramGrants() {
    }

    static Optional<ProgramGrant> find(Connection c, long programId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT g.program_id, t.id, t.code, t.name, t.precedence,"
                + " b.code, g.earned_from, g.set_by, g.set_at FROM credential_program_grant g"
                + " JOIN credential_type t ON t.id = g.type_id JOIN issuing_body b ON b.id = g.issuing_body_id"
                + " WHERE g.program_id = ?")) {
            ps.setLong(1, programId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ProgramGrant(rs.getLong(1), StudentCredentials.type(rs, 2), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getString(8), rs.getTimestamp(9).toInstant()));
            }
        }
    }

    /** Checks every argument, then replaces the program's grant; audited. */
    static ProgramGrant set(Connection c, AuditLog audit, long programId, String typeCode, String bodyCode,
            LocalDate earnedFrom, String user, Instant now) throws SQLException {
        if (!EarnedEnrollments.relationExists(c, "program_summary")) {
            throw new IllegalArgumentException("Programs are not installed in this portal.");
        }
        if (!exists(c, "SELECT 1 FROM program_summary WHERE id = ?", programId)) {
            throw new IllegalArgumentException("There is no program " + programId + ".");
        }
        if (typeCode == null || typeCode.isBlank()) {
            throw new IllegalArgumentException("Choose the credential type the program grants.");
        }
        if (bodyCode == null || bodyCode.isBlank()) {
            throw new IllegalArgumentException("Say which school or authority grants it (its code).");
        }
        Long type = id(c, "SELECT id FROM credential_type WHERE code = ?", typeCode.strip());
        if (type == null) {
            throw new IllegalArgumentException("There is no credential type '" + typeCode.strip() + "'.");
        }
        Long body = id(c, "SELECT id FROM issuing_body WHERE code = ?", bodyCode.strip());
        if (body == null) {
            throw new IllegalArgumentException("There is no school or authority '" + bodyCode.strip() + "'.");
        }
        Optional<ProgramGrant> before = find(c, programId);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM credential_program_grant WHERE program_id = ?")) {
            ps.setLong(1, programId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_program_grant (program_id, type_id,"
                + " issuing_body_id, earned_from, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, programId);
            ps.setLong(2, type);
            ps.setLong(3, body);
            ps.setObject(4, earnedFrom);
            ps.setString(5, user);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.executeUpdate();
        }
        audit.record(c, "credential_program_grant", programId, before.isPresent() ? "update" : "create", Changes.of()
                .field("type", before.map(g -> g.type().code()).orElse(null), typeCode.strip())
                .field("school or authority", before.map(ProgramGrant::issuingBodyCode).orElse(null), bodyCode.strip())
                .field("earned from", before.map(ProgramGrant::earnedFrom).orElse(null), earnedFrom));
        return find(c, programId).orElseThrow();
    }

    static boolean remove(Connection c, AuditLog audit, long programId) throws SQLException {
        Optional<ProgramGrant> before = find(c, programId);
        if (before.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM credential_program_grant WHERE program_id = ?")) {
            ps.setLong(1, programId);
            ps.executeUpdate();
        }
        audit.record(c, "credential_program_grant", programId, "delete", Changes.of()
                .field("type", before.get().type().code(), null));
        return true;
    }

    private static boolean exists(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Long id(Connection c, String sql, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }
}
