package org.certportal.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

// Raw-JDBC yardstick of: awarded_credential, document_order_item, achieved_credential (a run's rows, copied
// into scratch tables of the same shape by plain batches: the denominator the award is measured against)

/**
 * The yardstick of {@code certportal:credentials-benchmark}: what an award run wrote, written again by plain
 * JDBC batches, one transaction per {@value #CHUNK} rows (the engine's chunk), into scratch copies of the
 * tables with the same columns and indexes (PostgreSQL's {@code LIKE ... INCLUDING ALL}, dropped afterwards):
 * every awarded credential and document item inserted once, every achieved credential updated once (its
 * status). The rows are read before the clock starts.
 */
public final class CredentialsBenchmark {
    private static final int CHUNK = 500;

    private CredentialsBenchmark() {
    }

    /** @return the seconds the raw writes took, and how many rows they wrote */
    public static double[] rawSeconds(DataSource dataSource, long runId) throws SQLException {
        List<String> scratch = List.of("awarded_credential", "document_order_item", "achieved_credential");
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            for (String t : scratch) {
                ddl.execute("CREATE TABLE bench_cr_" + t + " (LIKE " + t + " INCLUDING ALL)");
            }
            // the scratch copies name no other table: foreign keys are not copied by LIKE
            try {
                List<Object[]> awarded = read(c, "SELECT * FROM awarded_credential WHERE run_id = ?", runId);
                List<Object[]> items = read(c, "SELECT i.* FROM document_order_item i JOIN awarded_credential w"
                        + " ON w.id = i.awarded_id WHERE w.run_id = ?", runId);
                List<Object[]> achieved = read(c, "SELECT a.* FROM achieved_credential a JOIN awarded_credential w"
                        + " ON w.achieved_id = a.id WHERE w.run_id = ?", runId);
                insert(c, "bench_cr_achieved_credential", achieved);
                List<Long> achievedIds = new ArrayList<>(achieved.size());
                achieved.forEach(r -> achievedIds.add(((Number) r[0]).longValue()));
                c.setAutoCommit(false);
                long started = System.nanoTime();
                insert(c, "bench_cr_awarded_credential", awarded);
                insert(c, "bench_cr_document_order_item", items);
                try (PreparedStatement ps = c.prepareStatement("UPDATE bench_cr_achieved_credential SET status ="
                        + " 'AWARDED', status_reason = NULL WHERE id = ?")) {
                    int pending = 0;
                    for (long id : achievedIds) {
                        ps.setLong(1, id);
                        ps.addBatch();
                        if (++pending == CHUNK) {
                            ps.executeBatch();
                            c.commit();
                            pending = 0;
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                return new double[] {seconds, awarded.size() + items.size() + achievedIds.size()};
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                for (String t : scratch) {
                    ddl.execute("DROP TABLE IF EXISTS bench_cr_" + t);
                }
            }
        }
    }

    private static List<Object[]> read(Connection c, String sql, long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return RawBatches.rows(rs);
            }
        }
    }

    private static void insert(Connection c, String table, List<Object[]> rows) throws SQLException {
        RawBatches.insert(c, table, rows, CHUNK);
    }
}
