package org.certportal.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

/**
 * The yardstick of {@code certportal:masscert-benchmark}: what a mass certification run wrote, written
 * again by plain JDBC batches, one transaction per {@value #CHUNK} rows (the engine's chunk), into scratch
 * copies of the tables with the same columns and indexes (PostgreSQL's {@code LIKE ... INCLUDING ALL},
 * dropped afterwards): every approved completion and every moved enrollment updated once, every order
 * and outbox row of the run inserted once. The rows are read before the clock starts.
 */
public final class MassCertBenchmark {
    private static final int CHUNK = 500;

    /** The run's rows to write again: its completions, enrollments, orders and queued mail, by id. */
    public record Written(List<Long> completionIds, List<Long> enrollmentIds, List<Long> orderIds,
            List<Long> outboxIds) {
        public long rows() {
            return completionIds.size() + enrollmentIds.size() + orderIds.size() + outboxIds.size();
        }
    }

    private MassCertBenchmark() {
    }

    /** @return the seconds the raw writes took */
    public static double rawSeconds(DataSource dataSource, Written w) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            List<String> scratch = List.of("completion", "enrollment", "accounting_order", "mail_outbox");
            for (String t : scratch) {
                ddl.execute("CREATE TABLE bench_mc_" + t + " (LIKE " + t + " INCLUDING ALL)");
            }
            try {
                // the rows as they are now, in the scratch copies (untimed) for the updates to find
                copy(c, "completion", w.completionIds());
                copy(c, "enrollment", w.enrollmentIds());
                List<Object[]> orders = read(c, "accounting_order", w.orderIds());
                List<Object[]> mails = read(c, "mail_outbox", w.outboxIds());
                c.setAutoCommit(false);
                long started = System.nanoTime();
                update(c, "UPDATE bench_mc_completion SET status = 'COMPLETE', decided_by = 'benchmark', decided_at ="
                        + " CURRENT_TIMESTAMP, version = version + 1 WHERE id = ?", w.completionIds());
                update(c, "UPDATE bench_mc_enrollment SET status = status, earned_on = earned_on, expires_on ="
                        + " expires_on, status_changed_at = CURRENT_TIMESTAMP, version = version + 1 WHERE id = ?",
                        w.enrollmentIds());
                insert(c, "bench_mc_accounting_order", orders);
                insert(c, "bench_mc_mail_outbox", mails);
                c.commit();
                return (System.nanoTime() - started) / 1e9;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                for (String t : scratch) {
                    ddl.execute("DROP TABLE IF EXISTS bench_mc_" + t);
                }
            }
        }
    }

    private static void copy(Connection c, String table, List<Long> ids) throws SQLException {
        insert(c, "bench_mc_" + table, read(c, table, ids));
    }

    private static List<Object[]> read(Connection c, String table, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return RawBatches.rows(rs);
            }
        }
    }

    private static void insert(Connection c, String table, List<Object[]> rows) throws SQLException {
        RawBatches.insert(c, table, rows, CHUNK);
    }

    private static void update(Connection c, String sql, List<Long> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
                if (++pending == CHUNK) {
                    ps.executeBatch();
                    RawBatches.commit(c);
                    pending = 0;
                }
            }
            ps.executeBatch();
            RawBatches.commit(c);
        }
    }

}
