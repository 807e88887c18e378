package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.certportal.persistence.api.JdbcStatements;

/** Students' mailing addresses, kept by this area (contacts keep none). */
final class StudentAddresses {
    private StudentAddresses() {
    }

    /** Replaces the addresses of these students, in the caller's transaction. */
    static void replace(Connection c, Map<Long, PostalAddress> addresses, Timestamp now) throws SQLException {
        if (addresses.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(addresses.keySet());
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 1000));
            try (PreparedStatement ps = JdbcStatements.prepare(c, "DELETE FROM student_address WHERE contact_id IN "
                    + JdbcStatements.placeholders(part.size()), part)) {
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO student_address (contact_id, address_line1,"
                + " address_line2, city, region, postal_code, country, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, PostalAddress> e : addresses.entrySet()) {
                PostalAddress a = e.getValue();
                ps.setLong(1, e.getKey());
                ps.setString(2, a.line1());
                ps.setString(3, a.line2());
                ps.setString(4, a.city());
                ps.setString(5, a.region());
                ps.setString(6, a.postalCode());
                ps.setString(7, a.country());
                ps.setTimestamp(8, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
