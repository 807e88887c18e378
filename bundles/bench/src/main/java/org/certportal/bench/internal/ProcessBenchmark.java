package org.certportal.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.process.api.SelectionContext;

/**
 * The engine's overhead: a process whose row work is one UPDATE, run through the engine over a
 * scratch table, against the same UPDATEs by raw JDBC batch in the same run. The scratch table is
 * dropped afterwards; the run stays in the history. The process type is published like any
 * feature's (a service in OSGi), for the length of the run only.
 */
public final class ProcessBenchmark {
    static final String TYPE_ID = "process.benchmark";
    private static final String TABLE = "bench_process";
    private static final String UPDATE = "UPDATE " + TABLE + " SET counter = counter + 1 WHERE id = ?";

    /** How the caller waits for a run: the portal's engine, or an engine in the calling thread. */
    public interface Waiter {
        ProcessRun await(long runId) throws Exception;
    }

    /** Makes a process type known to the engine; closing the result withdraws it. */
    public interface Publisher {
        AutoCloseable publish(ProcessType type);
    }

    public record Result(int rows, Duration raw, Duration engine, ProcessRun run) {
        double rawRowsPerSecond() {
            return rows / (raw.toNanos() / 1e9);
        }

        double engineRowsPerSecond() {
            return rows / (engine.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format("%,d rows, row work one UPDATE: engine %,.0f rows/s (%.2f s from start to completed,"
                    + " selection included, chunks of the engine's size), raw JDBC batch %,.0f rows/s (%.2f s);"
                    + " raw/engine %.2f", rows, engineRowsPerSecond(), engine.toNanos() / 1e9, rawRowsPerSecond(),
                    raw.toNanos() / 1e9, rawRowsPerSecond() / engineRowsPerSecond());
        }
    }

    private final DataSource dataSource;
    private final Publisher publisher;
    private final ProcessService processes;

    public ProcessBenchmark(DataSource dataSource, Publisher publisher, ProcessService processes) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.processes = processes;
    }

    public Result run(int rows, Waiter waiter) throws Exception {
        if (rows < 1 || rows > 10_000_000) {
            throw new IllegalArgumentException("Rows must be between 1 and 10,000,000.");
        }
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE " + TABLE + " (id BIGINT PRIMARY KEY, counter INT NOT NULL)");
            try (AutoCloseable published = publisher.publish(new BenchType())) {
                fill(c, rows);
                Duration raw = rawBatch(c, rows);
                long started = System.nanoTime();
                long id = processes.start(TYPE_ID, Map.of(), RunOptions.run());
                ProcessRun run = waiter.await(id);
                Duration engine = Duration.ofNanos(System.nanoTime() - started);
                if (run.state() != RunState.COMPLETED || run.done() != rows) {
                    throw new IllegalStateException("The benchmark run ended " + run.state() + " with " + run.done()
                            + " of " + rows + " rows done: " + run.error());
                }
                try (ResultSet rs = ddl.executeQuery("SELECT COUNT(*) FROM " + TABLE + " WHERE counter <> 2")) {
                    rs.next();
                    if (rs.getLong(1) != 0) {
                        throw new IllegalStateException(rs.getLong(1) + " rows were not updated exactly once by each.");
                    }
                }
                return new Result(rows, raw, engine, run);
            } finally {
                ddl.execute("DROP TABLE " + TABLE);
            }
        }
    }

    private static void fill(Connection c, int rows) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " (id, counter) VALUES (?, 0)")) {
            for (int i = 1; i <= rows; i++) {
                insert.setLong(1, i);
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    /** The same UPDATEs in JDBC batches of 500, one transaction each, as the engine's default chunks. */
    private static Duration rawBatch(Connection c, int rows) throws SQLException {
        c.setAutoCommit(false);
        long started = System.nanoTime();
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (int i = 1; i <= rows; i++) {
                update.setLong(1, i);
                update.addBatch();
                if (i % 500 == 0) {
                    update.executeBatch();
                    c.commit();
                }
            }
            update.executeBatch();
            c.commit();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        c.setAutoCommit(true);
        return took;
    }

    /** Selects the scratch table's ids; each row is one deferred UPDATE. */
    private static final class BenchType implements ProcessType {
        @Override
        public String id() {
            return TYPE_ID;
        }

        @Override
        public String title() {
            return "Engine benchmark";
        }

        @Override
        public String description() {
            return "One UPDATE per row of a scratch table.";
        }

        @Override
        public String permission() {
            return ProcessPermissions.RUN;
        }

        @Override
        public void select(ProcessParameters parameters, SelectionContext selection) throws SQLException {
            try (PreparedStatement select = selection.connection().prepareStatement("SELECT id FROM " + TABLE
                    + " ORDER BY id")) {
                select.setFetchSize(5000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        selection.add(rs.getString(1));
                    }
                }
            }
        }

        @Override
        public RowOutcome process(RowContext row, String key, boolean dryRun) {
            if (!dryRun) {
                row.update(UPDATE, Long.parseLong(key));
            }
            return RowOutcome.done(null);
        }
    }
}
