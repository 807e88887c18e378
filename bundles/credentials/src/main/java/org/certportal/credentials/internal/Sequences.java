package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Blocks from the area's database sequences, each taken on a connection of its own (a sequence ignores rollbacks). */
final class Sequences {
    /** Ids of every credentials table. */
    static final String IDS = "credential_id_seq";
    /** Credential numbers. */
    static final String NUMBERS = "credential_number_seq";

    private Sequences() {
    }

    static NumberBlocks blocks(DataSource ds, String sequence) {
        return new NumberBlocks(() -> {
            try (Connection c = ds.getConnection()) {
                return next(c, sequence);
            }
        });
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
