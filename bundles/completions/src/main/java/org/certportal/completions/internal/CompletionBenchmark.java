package org.certportal.completions.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

/**
 * The yardstick of {@code certportal:completions-benchmark}: the same completion rows written by
 * plain JDBC batch, in chunks of the import's size, into a scratch copy of the table with the same
 * indexes (dropped afterwards).
 */
public final class CompletionBenchmark {
    /** One row as the import would store it. */
    public record Row(long enrollmentId, long programId, long requirementId, String requirementTitle, LocalDate date) {
    }

    private CompletionBenchmark() {
    }

    public static double rawRowsPerSecond(DataSource dataSource, List<Row> rows) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE completion_bench (id BIGINT PRIMARY KEY, enrollment_id BIGINT NOT NULL,"
                    + " program_id BIGINT NOT NULL, requirement_id BIGINT NOT NULL, requirement_title VARCHAR(200)"
                    + " NOT NULL, requirement_title_key VARCHAR(200) NOT NULL, offering_id BIGINT, completed_on DATE"
                    + " NOT NULL, notes VARCHAR(2000), grade VARCHAR(20), status VARCHAR(20) NOT NULL, reason"
                    + " VARCHAR(500), recorded_by VARCHAR(64) NOT NULL, recorded_at TIMESTAMP NOT NULL, decided_by"
                    + " VARCHAR(64), decided_at TIMESTAMP, version BIGINT NOT NULL)");
            ddl.execute("CREATE UNIQUE INDEX completion_bench_er ON completion_bench (enrollment_id, requirement_id)");
            ddl.execute("CREATE INDEX completion_bench_queue ON completion_bench (status, program_id, recorded_at)");
            try {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                Timestamp now = Sql.utc(Instant.now());
                long started = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO completion_bench (id, enrollment_id,"
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
                        if (++pending == Sql.IN_CHUNK) {
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
                ddl.execute("DROP TABLE completion_bench");
            }
        }
    }
}
