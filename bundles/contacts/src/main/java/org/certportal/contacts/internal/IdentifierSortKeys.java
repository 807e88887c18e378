package org.certportal.contacts.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the natural sort key of identifiers stored before the key existed (the changelog cannot
 * compute it in SQL portably). Runs at start; once done it finds nothing, through the key's index.
 */
final class IdentifierSortKeys {
    private static final int BATCH = 1000;

    private IdentifierSortKeys() {
    }

    /** @return how many rows got their key */
    static int backfill(Connection c) throws SQLException {
        int filled = 0;
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, external_id FROM contact WHERE external_id_sort"
                    + " IS NULL AND external_id IS NOT NULL ORDER BY id LIMIT " + BATCH); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] { rs.getLong(1), rs.getString(2) });
                }
            }
            if (rows.isEmpty()) {
                return filled;
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE contact SET external_id_sort = ? WHERE id = ?")) {
                for (Object[] row : rows) {
                    update.setString(1, IdentifierSortKey.of((String) row[1]));
                    update.setLong(2, (Long) row[0]);
                    update.addBatch();
                }
                update.executeBatch();
            }
            filled += rows.size();
        }
    }
}
