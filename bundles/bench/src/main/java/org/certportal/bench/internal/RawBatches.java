package org.certportal.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw-JDBC side of the benchmarks that copy a run's rows: read them as plain values, write them again
 * by batches into a scratch table of the same shape, one transaction per chunk as the engine commits.
 */
final class RawBatches {
    private RawBatches() {
    }

    /** Every row of the result, each as its column values in order. */
    static List<Object[]> rows(ResultSet rs) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        ResultSetMetaData m = rs.getMetaData();
        while (rs.next()) {
            Object[] row = new Object[m.getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Inserts the rows into the table by batches, committing every {@code chunk} rows. */
    static void insert(Connection c, String table, List<Object[]> rows, int chunk) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String marks = "?" + ", ?".repeat(rows.get(0).length - 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
            int pending = 0;
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
                if (++pending == chunk) {
                    ps.executeBatch();
                    commit(c);
                    pending = 0;
                }
            }
            ps.executeBatch();
            commit(c);
        }
    }

    /** Commits unless the connection commits each statement itself. */
    static void commit(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }
}
