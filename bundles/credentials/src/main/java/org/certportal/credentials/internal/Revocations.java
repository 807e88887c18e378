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
import org.certportal.credentials.api.CredentialStatus;
import org.certportal.credentials.internal.DeliveryRules.Delivery;

/**
 * Revoking and reissuing one awarded credential on the caller's connection, in the caller's transaction:
 * the service (one credential) and the revoke process (one row of a run) both come here, so both change
 * and audit alike. The caller checks {@link RevocationRules} on the {@link Target} it locked first.
 */
final class Revocations {
    /**
     * An awarded credential, locked for the rest of the transaction.
     *
     * @param replacedBy the number of the credential that replaced it, or null
     */
    record Target(long id, String number, CredentialStatus status, long contactId, long typeId, String typeCode,
            long achievedId, int reissueNo, String replacedBy) {
    }

    /**
     * What the new number of a reissue needs: number and id blocks, and the day.
     */
    record Issuing(NumberBlocks ids, NumberBlocks numbers, Instant now, LocalDate today, String actor) {
    }

    /**
     * The new credential's number and whether its reprint was ordered.
     *
     * @param notOrderedReason null when ordered
     */
    record Reissue(String number, String notOrderedReason) {
    }

    private Revocations() {
    }

    /** The credential with this number, locked until the transaction ends; empty when there is none. */
    static Optional<Target> lock(Connection c, String number) throws SQLException {
        long id;
        CredentialStatus status;
        long contactId;
        long typeId;
        long achievedId;
        int reissueNo;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status, contact_id, type_id, achieved_id, reissue_no"
                + " FROM awarded_credential WHERE number = ? FOR UPDATE")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                status = CredentialStatus.valueOf(rs.getString(2));
                contactId = rs.getLong(3);
                typeId = rs.getLong(4);
                achievedId = rs.getLong(5);
                reissueNo = rs.getInt(6);
            }
        }
        String typeCode;
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM credential_type WHERE id = ?")) {
            ps.setLong(1, typeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                typeCode = rs.getString(1);
            }
        }
        String replacedBy;
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(number) FROM awarded_credential WHERE replaces_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                replacedBy = rs.getString(1);
            }
        }
        return Optional.of(new Target(id, number, status, contactId, typeId, typeCode, achievedId, reissueNo,
                replacedBy));
    }

    /** Revokes: status REVOKED with the reason; its documents not yet printed are cancelled. */
    static void revoke(Connection c, AuditLog audit, Target t, String reason, String actor, Instant now)
            throws SQLException {
        Timestamp at = Timestamp.from(now);
        changeStatus(c, t, CredentialStatus.REVOKED, reason, actor, at);
        int cancelled = cancelDocuments(c, t.id(), at);
        audit.record(c, "awarded_credential", t.number(), "revoke", Changes.of()
                .field("status", t.status().name(), CredentialStatus.REVOKED.name())
                .field("reason", null, reason)
                .field("documents cancelled", null, cancelled));
    }

    /**
     * Reissues: a new number for the same achievement, linked to the old one, which becomes SUPERSEDED; its
     * documents not yet printed are cancelled and a reprint of the new one is ordered where the delivery rules
     * allow.
     */
    static Reissue reissue(Connection c, AuditLog audit, Target t, String reason, Issuing issuing)
            throws SQLException {
        Timestamp at = Timestamp.from(issuing.now());
        long newId = Sequences.id(issuing.ids(), c);
        long sequence = issuing.numbers().next(() -> Sequences.next(c, Sequences.NUMBERS));
        String number = new CredentialNumber(t.typeCode(), issuing.today().getYear(), sequence).toString();
        update(c, "INSERT INTO awarded_credential (id, number, sequence_no, contact_id, type_id, achieved_id,"
                + " awarded_on, status, replaces_id, run_id, awarded_by, awarded_at, reissue_no)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'AWARDED', ?, NULL, ?, ?, ?)", newId, number, sequence, t.contactId(),
                t.typeId(), t.achievedId(), issuing.today(), t.id(), issuing.actor(), at, t.reissueNo() + 1);
        changeStatus(c, t, CredentialStatus.SUPERSEDED, "Reissued as " + number + ": " + reason, issuing.actor(), at);
        int cancelled = cancelDocuments(c, t.id(), at);
        Delivery how = delivery(c, t);
        if (how.ordered()) {
            long orderId = Sequences.id(issuing.ids(), c);
            update(c, "INSERT INTO document_order (id, reference, ordered_by, ordered_at) VALUES (?, ?, ?, ?)",
                    orderId, "reissue-" + number, issuing.actor(), at);
            PostalAddress to = how.address();
            String recipient = how.recipient().length() <= 300 ? how.recipient() : how.recipient().substring(0, 300);
            update(c, "INSERT INTO document_order_item (id, order_id, awarded_id, issue_no, delivery_method, recipient,"
                    + " address_line1, address_line2, city, region, postal_code, country, status, status_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ORDERED', ?)", Sequences.id(issuing.ids(), c),
                    orderId, newId, nextIssue(c, t.achievedId()), how.method().name(), recipient, to.line1(),
                    to.line2(), to.city(), to.region(), to.postalCode(), to.country(), at);
        }
        audit.record(c, "awarded_credential", t.number(), "reissue", Changes.of()
                .field("status", t.status().name(), CredentialStatus.SUPERSEDED.name())
                .field("replaced by", null, number)
                .field("reason", null, reason)
                .field("documents cancelled", null, cancelled));
        audit.record(c, "awarded_credential", number, "award", Changes.of()
                .field("replaces", null, t.number())
                .field("reprint ordered", null, how.ordered() ? "yes" : "no: " + how.reason()));
        return new Reissue(number, how.ordered() ? null : how.reason());
    }

    private static void changeStatus(Connection c, Target t, CredentialStatus to, String reason, String actor,
            Timestamp at) throws SQLException {
        int n = update(c, "UPDATE awarded_credential SET status = ?, status_reason = ?, status_changed_by = ?,"
                + " status_changed_at = ? WHERE id = ? AND status = ?", to.name(), reason, actor, at, t.id(),
                t.status().name());
        if (n != 1) {
            // the row is locked since it was read: only a caller that did not lock it gets here
            throw new IllegalStateException(t.number() + " changed while it was being " + to.name().toLowerCase());
        }
    }

    private static int cancelDocuments(Connection c, long awardedId, Timestamp at) throws SQLException {
        return update(c, "UPDATE document_order_item SET status = 'CANCELLED', status_at = ? WHERE awarded_id = ?"
                + " AND status = 'ORDERED'", at, awardedId);
    }

    /** Reprints count on from the achievement's documents so far: the first issue is 0, a reprint 1 or more. */
    private static int nextIssue(Connection c, long achievedId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(i.issue_no) FROM document_order_item i"
                + " JOIN awarded_credential w ON w.id = i.awarded_id WHERE w.achieved_id = ?")) {
            ps.setLong(1, achievedId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int max = rs.getInt(1);
                return rs.wasNull() ? 1 : max + 1;
            }
        }
    }

    /** Where the reprint goes: the same rules as the first issue, with the addresses as they are now. */
    private static Delivery delivery(Connection c, Target t) throws SQLException {
        IssuingBody body;
        try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.code, b.name, b.kind, b.address_line1,"
                + " b.address_line2, b.city, b.region, b.postal_code, b.country FROM achieved_credential a"
                + " JOIN issuing_body b ON b.id = a.issuing_body_id WHERE a.id = ?")) {
            ps.setLong(1, t.achievedId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                body = new IssuingBody(rs.getLong(1), rs.getString(2), rs.getString(3),
                        IssuingBody.Kind.valueOf(rs.getString(4)), StudentCredentials.address(rs, 5));
            }
        }
        String name = null;
        PostalAddress address = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.given_name, s.family_name, ad.address_line1,"
                + " ad.address_line2, ad.city, ad.region, ad.postal_code, ad.country FROM contact_summary s"
                + " LEFT JOIN student_address ad ON ad.contact_id = s.id WHERE s.id = ?")) {
            ps.setLong(1, t.contactId());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    name = rs.getString(1) == null ? rs.getString(2) : rs.getString(1) + " " + rs.getString(2);
                    address = rs.getString(3) == null && rs.getString(5) == null ? null
                            : StudentCredentials.address(rs, 3);
                }
            }
        }
        return DeliveryRules.decide(body, name == null ? "" : name, address);
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }
}
