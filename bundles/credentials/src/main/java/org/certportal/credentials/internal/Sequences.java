package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
        boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
        String sql = h2 ? "SELECT NEXT VALUE FOR " + sequence : "SELECT nextval('" + sequence + "')";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
