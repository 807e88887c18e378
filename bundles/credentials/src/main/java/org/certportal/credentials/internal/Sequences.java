package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The area's database sequences, counting in blocks of {@link NumberBlocks#BLOCK_SIZE} (a sequence ignores rollbacks). */
final class Sequences {
    /** Ids of every credentials table. */
    static final String IDS = "credential_id_seq";
    /** Credential numbers. */
    static final String NUMBERS = "credential_number_seq";

    private Sequences() {
    }

    /** The next id of the area's tables, on the caller's connection. */
    static long id(NumberBlocks ids, Connection c) throws SQLException {
        return ids.next(() -> next(c, IDS));
    }

    static long next(Connection c, String sequence) throws SQLException {
        String sql = h2(c) ? "SELECT NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The sequence's next {@code n} values, in one statement. */
    static List<Long> next(Connection c, String sequence, int n) throws SQLException {
        String sql = h2(c) ? "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)"
                : "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)";
        List<Long> values = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
            }
        }
        return values;
    }

    private static boolean h2(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
    }
}
