package org.certportal.bench.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.persistence.api.PageRequest;

/** The measurements of {@code certportal:enrollments-benchmark}. */
public final class EnrollmentBenchmark {
    private static final String[] PREFIXES = { "smi", "gar", "lee", "mar", "wil", "ki", "jo", "ba", "ng", "ro" };

    /** Milliseconds of one kind of query over the runs. */
    public record Timing(String what, double median, double p95) {
        @Override
        public String toString() {
            return String.format("%s: median %.1f ms, p95 %.1f ms", what, median, p95);
        }
    }

    private EnrollmentBenchmark() {
    }

    /** The four tracker counts, and a filtered first page (name prefix, 50 rows by name, with its count), on random programs. */
    public static List<Timing> queries(EnrollmentService enrollments, List<Long> programIds, int runs, Random random) {
        List<Double> trackers = new ArrayList<>();
        List<Double> pages = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long programId = programIds.get(random.nextInt(programIds.size()));
            long t = System.nanoTime();
            enrollments.trackers(programId);
            trackers.add((System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            enrollments.enrollees(programId, new EnrolleeFilter(PREFIXES[random.nextInt(PREFIXES.length)], null, null),
                    new PageRequest(0, 50, EnrollmentService.SORT_NAME, true));
            pages.add((System.nanoTime() - t) / 1e6);
        }
        return List.of(timing("four tracker counts", trackers),
                timing("filtered first page of enrollees (name prefix, 50 by name, with count)", pages));
    }

    private static Timing timing(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Timing(what + " over " + sorted.size() + " runs", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
    }

    /**
     * The rows enrolling these contacts writes, by plain JDBC batch in one transaction into a scratch
     * copy of the table with the same indexes (dropped afterwards): the yardstick of the bulk path.
     */
    public static double rawRowsPerSecond(DataSource dataSource, List<Long> contactIds, long programId)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE bench_enrollment (id BIGINT PRIMARY KEY, contact_id BIGINT NOT NULL,"
                    + " program_id BIGINT NOT NULL, rule_version INT NOT NULL, cycle INT NOT NULL,"
                    + " enrolled_on DATE NOT NULL, grace_period_begins DATE NOT NULL, expires_on DATE, earned_on DATE,"
                    + " status VARCHAR(20) NOT NULL, status_changed_at TIMESTAMP NOT NULL, version BIGINT NOT NULL)");
            ddl.execute("CREATE INDEX bench_enrollment_tracking ON bench_enrollment (program_id, status,"
                    + " grace_period_begins, expires_on)");
            ddl.execute("CREATE INDEX bench_enrollment_program_contact ON bench_enrollment (program_id, contact_id)");
            ddl.execute("CREATE INDEX bench_enrollment_contact ON bench_enrollment (contact_id)");
            ddl.execute("CREATE INDEX bench_enrollment_status ON bench_enrollment (status, expires_on)");
            try {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                LocalDate today = LocalDate.now();
                long started = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_enrollment VALUES (?, ?, ?, 1, 1, ?, ?, ?, NULL, 'IN_PROGRESS', ?, 1)")) {
                    long id = 0;
                    for (long contactId : contactIds) {
                        insert.setLong(1, ++id);
                        insert.setLong(2, contactId);
                        insert.setLong(3, programId);
                        insert.setObject(4, today);
                        insert.setObject(5, today.plusMonths(12));
                        insert.setObject(6, today.plusMonths(12).plusDays(30));
                        insert.setTimestamp(7, Timestamp.from(Instant.now()));
                        insert.addBatch();
                        if (id % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                c.setAutoCommit(autoCommit);
                return contactIds.size() / ((System.nanoTime() - started) / 1e9);
            } finally {
                ddl.execute("DROP TABLE bench_enrollment");
            }
        }
    }
}
