package org.certportal.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

/**
 * The yardstick of {@code certportal:completions-benchmark}: the same completion rows written by
 * plain JDBC batch, in chunks of the import's size, into a scratch copy of the table with the same
 * indexes (dropped afterwards).
 */
public final class CompletionBenchmark {
    /** The import's chunk (CompletionServiceImpl.IMPORT_CHUNK): one transaction per this many rows. */
    private static final int CHUNK = 5000;

    /** One row as the import would store it. */
    public record Row(long enrollmentId, long programId, long requirementId, String requirementTitle, LocalDate date) {
    }

    private CompletionBenchmark() {
    }

    public static double rawRowsPerSecond(DataSource dataSource, List<Row> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE bench_completion (id BIGINT PRIMARY KEY, enrollment_id BIGINT NOT NULL,"
                    + " program_id BIGINT NOT NULL, requirement_id BIGINT NOT NULL, requirement_title VARCHAR(200)"
                    + " NOT NULL, requirement_title_key VARCHAR(200) NOT NULL, offering_id BIGINT, completed_on DATE"
                    + " NOT NULL, notes VARCHAR(2000), grade VARCHAR(20), status VARCHAR(20) NOT NULL, reason"
                    + " VARCHAR(500), recorded_by VARCHAR(64) NOT NULL, recorded_at TIMESTAMP NOT NULL, decided_by"
                    + " VARCHAR(64), decided_at TIMESTAMP, version BIGINT NOT NULL)");
            ddl.execute("CREATE UNIQUE INDEX bench_completion_er ON bench_completion (enrollment_id, requirement_id)");
            ddl.execute("CREATE INDEX bench_completion_queue ON bench_completion (status, program_id, recorded_at)");
            try {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                // the completion table holds UTC wall-clock time
                Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
                long started = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_completion (id, enrollment_id,"
                        + " program_id, requirement_id, requirement_title, requirement_title_key, offering_id,"
                        + " completed_on, notes, grade, status, reason, recorded_by, recorded_at, decided_by,"
                        + " decided_at, version) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, 'COMPLETE', NULL,"
                        + " 'benchmark', ?, NULL, NULL, 1)")) {
                    long id = 1;
                    int pending = 0;
                    for (Row r : rows) {
                        ps.setLong(1, id++);
                        ps.setLong(2, r.enrollmentId());
                        ps.setLong(3, r.programId());
                        ps.setLong(4, r.requirementId());
                        ps.setString(5, r.requirementTitle());
                        ps.setString(6, r.requirementTitle().toLowerCase(java.util.Locale.ROOT));
                        ps.setObject(7, r.date());
                        ps.setTimestamp(8, now);
                        ps.addBatch();
                        if (++pending == CHUNK) {
                            ps.executeBatch();
                            c.commit();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
                c.commit();
                double seconds = (System.nanoTime() - started) / 1e9;
                c.setAutoCommit(autoCommit);
                return rows.size() / seconds;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
                ddl.execute("DROP TABLE bench_completion");
            }
        }
    }
}
