package org.certportal.accounting.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ids of the area's tables from its sequence: many in one query, so a bulk of orders costs one round trip. */
final class Ids {
    static final String SEQUENCE = "accounting_id_seq";

    private Ids() {
    }

    static long next(Connection c) throws SQLException {
        return next(c, 1).get(0);
    }

    static List<Long> next(Connection c, int count) throws SQLException {
        boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
        String sql = h2 ? "SELECT NEXT VALUE FOR " + SEQUENCE + " FROM SYSTEM_RANGE(1, ?)"
                : "SELECT nextval('" + SEQUENCE + "') FROM generate_series(1, ?)";
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.size() != count) {
            throw new SQLException("The sequence " + SEQUENCE + " gave " + ids.size() + " ids instead of " + count);
        }
        return ids;
    }
}
