package org.certportal.contacts.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certportal.contacts.api.Contact;

/**
 * Contacts by external identifier, many at once: one statement with one array parameter whatever the
 * number (an import of 100,000 rows names as many people), answered from the unique index.
 */
final class ExternalIdLookup {
    private static final String SELECT = "SELECT id, given_name, family_name, email, birth_date, external_id, version"
            + " FROM contact WHERE external_id = ANY(?)";

    private ExternalIdLookup() {
    }

    static Map<String, Contact> find(Connection c, List<String> externalIds) throws SQLException {
        Map<String, Contact> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setObject(1, externalIds.toArray(String[]::new));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Contact contact = new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7));
                    found.put(contact.externalId(), contact);
                }
            }
        }
        return found;
    }
}
