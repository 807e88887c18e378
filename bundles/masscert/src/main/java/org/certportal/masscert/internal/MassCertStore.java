package org.certportal.masscert.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.masscert.api.ConfirmationEmail.Wording;

/** SQL on mass certification's own tables, always on the caller's connection and in its transaction. */
final class MassCertStore {

    /** An applicant waiting for their order to be paid. */
    record Waiting(long enrollmentId, long orderId, long runId, boolean sendEmail) {
    }

    private MassCertStore() {
    }

    static Optional<Waiting> waiting(Connection c, long enrollmentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT enrollment_id, order_id, run_id, send_email FROM"
                + " masscert_waiting WHERE enrollment_id = ?")) {
            ps.setLong(1, enrollmentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Waiting(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getBoolean(4))) : Optional.empty();
            }
        }
    }

    /** The waiting rows of these enrollments, by enrollment id, in one query. */
    static Map<Long, Waiting> waitingAll(Connection c, List<Long> enrollmentIds) throws SQLException {
        Map<Long, Waiting> found = new HashMap<>();
        if (enrollmentIds.isEmpty()) {
            return found;
        }
        // one array parameter for any number of enrollments: one statement, one plan
        try (PreparedStatement ps = c.prepareStatement("SELECT enrollment_id, order_id, run_id, send_email FROM"
                + " masscert_waiting WHERE enrollment_id = ANY(?)")) {
            ps.setObject(1, enrollmentIds.toArray(Long[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Waiting(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            rs.getBoolean(4)));
                }
            }
        }
        return found;
    }

    /** An applicant starts waiting: enrollment id, order id, run id, send email, ordered at. */
    static final String INSERT_WAITING = "INSERT INTO masscert_waiting (enrollment_id, order_id, run_id, send_email,"
            + " ordered_at) VALUES (?, ?, ?, ?, ?)";
    /** An applicant stops waiting for an order: enrollment id, order id. */
    static final String RELEASE = "DELETE FROM masscert_waiting WHERE enrollment_id = ? AND order_id = ?";

    /** @return whether the order was the one the enrollment waited for */
    static boolean paid(Connection c, long enrollmentId, long orderId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(RELEASE)) {
            ps.setLong(1, enrollmentId);
            ps.setLong(2, orderId);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * The order was cancelled: the applicant no longer waits for it (still awaiting payment, the next run
     * orders again). @return whether it was the order the enrollment waited for
     */
    static boolean release(Connection c, long enrollmentId, long orderId) throws SQLException {
        return paid(c, enrollmentId, orderId);
    }

    /** The stored wording, or the built-in one. */
    static ConfirmationTemplate template(Connection c, Wording kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT subject, body FROM masscert_template WHERE kind = ?")) {
            ps.setString(1, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ConfirmationTemplate(kind, rs.getString(1), rs.getString(2))
                        : ConfirmationTemplate.standard(kind);
            }
        }
    }

    static void saveTemplate(Connection c, ConfirmationTemplate t, String by, Instant at) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM masscert_template WHERE kind = ?")) {
            delete.setString(1, t.kind().name());
            delete.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO masscert_template (kind, subject, body, saved_by,"
                + " saved_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, t.kind().name());
            ps.setString(2, t.subject());
            ps.setString(3, t.body());
            ps.setString(4, by);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}
