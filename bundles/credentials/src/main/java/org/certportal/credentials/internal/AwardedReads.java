package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.DocumentItem;

/** An awarded credential with its student, what it replaced and its documents, by number. */
final class AwardedReads {
    private AwardedReads() {
    }

    static Optional<AwardedCredential> find(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT w.id, w.number, w.status, w.status_reason, t.id, t.code,"
                + " t.name, t.precedence, w.contact_id, s.external_id, s.given_name, s.family_name, a.achieved_on,"
                + " a.exam_session, b.code, b.name, w.awarded_on, w.awarded_by, w.run_id, r.number,"
                + " (SELECT MIN(n.number) FROM awarded_credential n WHERE n.replaces_id = w.id)"
                + " FROM awarded_credential w JOIN credential_type t ON t.id = w.type_id"
                + " JOIN achieved_credential a ON a.id = w.achieved_id JOIN issuing_body b ON b.id = a.issuing_body_id"
                + " LEFT JOIN contact_summary s ON s.id = w.contact_id"
                + " LEFT JOIN awarded_credential r ON r.id = w.replaces_id WHERE w.number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                String name = rs.getString(11) == null ? rs.getString(12) : rs.getString(11) + " " + rs.getString(12);
                long run = rs.getLong(19);
                Long runId = rs.wasNull() ? null : run;
                return Optional.of(new AwardedCredential(rs.getString(2), CredentialServiceImpl.status(rs.getString(3)),
                        rs.getString(4), StudentCredentials.type(rs, 5), rs.getLong(9), rs.getString(10), name,
                        rs.getObject(13, LocalDate.class), rs.getString(14), rs.getString(15) + " " + rs.getString(16),
                        rs.getObject(17, LocalDate.class), rs.getString(18), runId, rs.getString(20),
                        rs.getString(21), documents(c, id)));
            }
        }
    }

    private static List<DocumentItem> documents(Connection c, long awardedId) throws SQLException {
        List<DocumentItem> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT o.reference, i.issue_no, i.delivery_method, i.recipient,"
                + " i.address_line1, i.address_line2, i.city, i.region, i.postal_code, i.country, i.status, i.status_at"
                + " FROM document_order_item i JOIN document_order o ON o.id = i.order_id WHERE i.awarded_id = ?"
                + " ORDER BY i.issue_no")) {
            ps.setLong(1, awardedId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(CredentialServiceImpl.item(rs));
                }
            }
        }
        return items;
    }
}
