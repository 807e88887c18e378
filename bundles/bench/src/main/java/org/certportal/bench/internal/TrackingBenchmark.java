package org.certportal.bench.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingService;

/**
 * The measurements of {@code certportal:tracking-benchmark}: the Tracking page's reads (p50/p95 after a
 * warm-up), the CSV export against a raw JDBC read of the same rows printed with Commons CSV, and the daily
 * expiry run against the same writes by raw JDBC batch, in one run.
 */
public final class TrackingBenchmark {
    private static final String[] PREFIXES = { "smi", "gar", "lee", "mar", "wil", "ki", "jo", "ba", "ng", "ro" };
    /** The expiry process type's id (tracking's {@code ExpiryProcess.ID}, not exported). */
    public static final String EXPIRY_TYPE = "tracking-expiry";
    /** The engine's default chunk: the raw writes commit as often as the run does. */
    static final int CHUNK = 500;

    /** Milliseconds of one kind of call over the runs, and its goal. */
    public record Timing(String what, int runs, double p50, double p95, double goal) {
        public String row() {
            return String.format("%-62s %8.1f %8.1f %8s  %s", what + " (" + runs + " runs)", p50, p95,
                    "<= " + (int) goal, p95 <= goal ? "met" : "MISSED");
        }
    }

    /** One timed piece of bulk work by the service and by raw JDBC, the goal being a ratio. */
    public record Versus(String what, long rows, Duration service, Duration raw, double goalRatio) {
        public double ratio() {
            return service.toNanos() / (double) raw.toNanos();
        }

        public String row() {
            return String.format("%-44s %,10d rows  service %7.2f s (%,9.0f rows/s)  raw %7.2f s (%,9.0f rows/s)"
                    + "  ratio %.2f (goal <= %.0f) %s", what, rows, seconds(service), rows / seconds(service),
                    seconds(raw), rows / seconds(raw), ratio(), goalRatio, ratio() <= goalRatio ? "met" : "MISSED");
        }

        private static double seconds(Duration d) {
            return d.toNanos() / 1e9;
        }
    }

    /** How the caller waits for a run of the portal's engine. */
    public interface Waiter {
        ProcessRun await(long runId) throws Exception;
    }

    private TrackingBenchmark() {
    }

    /**
     * The page as it opens (first 50 by name, and the status counts, each capped at 10,000 as the page shows them,
     * that give its total), and a three-condition
     * custom filter (name prefix, one program, expiring within a year: its first page and counts), each after
     * {@code warmUp} untimed calls.
     */
    public static List<Timing> queries(TrackingService tracking, List<String> programCodes, LocalDate today,
            int warmUp, int runs, Random random) {
        PageRequest first = new PageRequest(0, 50, TrackingService.SORT_NAME, true);
        List<Double> pages = new ArrayList<>();
        List<Double> filtered = new ArrayList<>();
        List<Double> firstRows = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        for (int i = -warmUp; i < runs; i++) {
            long t = System.nanoTime();
            // what the page reads: its first rows, and the counts (capped at 10,000 each, as the page shows them)
            // its quick filters and its size come from
            tracking.rows(TrackingFilter.ALL, first);
            long rowsRead = System.nanoTime();
            tracking.countsUpTo(TrackingFilter.ALL);
            double page = (System.nanoTime() - t) / 1e6;
            double rowsAlone = (rowsRead - t) / 1e6;
            TrackingFilter three = TrackingFilter.ALL.withText(PREFIXES[random.nextInt(PREFIXES.length)])
                    .withPrograms(Set.of(programCodes.get(random.nextInt(programCodes.size()))))
                    .withExpires(new DateRange(today, today.plusYears(1)));
            t = System.nanoTime();
            tracking.rows(three, first);
            tracking.countsUpTo(three);
            double custom = (System.nanoTime() - t) / 1e6;
            if (i >= 0) {
                pages.add(page);
                firstRows.add(rowsAlone);
                counts.add(page - rowsAlone);
                filtered.add(custom);
            }
        }
        // where the page's time goes: its rows and its counts, each a statement of its own
        return List.of(timing("first page (50 by name) + status counts (capped)", pages, 150),
                timing("  of which the first page of rows", firstRows, 150),
                timing("  of which the status counts", counts, 150),
                timing("three-condition filter: first page + counts", filtered, 300));
    }

    private static Timing timing(String what, List<Double> millis, double goal) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Timing(what, sorted.size(), sorted.get((sorted.size() - 1) / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), goal);
    }

    /**
     * Every row exported through the service (sorted by name) against the same rows read by raw JDBC from the
     * same published views in the same order and printed with Commons CSV; both into a counting sink.
     */
    public static Versus export(TrackingService tracking, DataSource dataSource, LocalDate today) throws Exception {
        CountingSink rawSink = new CountingSink();
        long started = System.nanoTime();
        long rawRows = rawExport(dataSource, today, rawSink);
        Duration raw = Duration.ofNanos(System.nanoTime() - started);
        CountingSink serviceSink = new CountingSink();
        started = System.nanoTime();
        long rows = tracking.export(TrackingFilter.ALL, TrackingService.SORT_NAME, true, serviceSink, null);
        Duration service = Duration.ofNanos(System.nanoTime() - started);
        if (rows != rawRows) {
            throw new IllegalStateException("The export wrote " + rows + " rows, the raw read " + rawRows + ".");
        }
        return new Versus("CSV export of every row", rows, service, raw, 3);
    }

    private static long rawExport(DataSource dataSource, LocalDate today, OutputStream out)
            throws SQLException, IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader("Contact", "Identifier", "Program code",
                "Program", "Status", "Enrolled", "Earned", "Expires", "Days left").build();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            long rows = 0;
            try (CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out,
                    StandardCharsets.UTF_8), 1 << 16), format);
                    PreparedStatement ps = c.prepareStatement("SELECT c.given_name, c.family_name, c.external_id,"
                            + " p.code, p.name, e.status, e.enrolled_on, e.earned_on, e.expires_on"
                            + " FROM enrollment_summary e JOIN contact_summary c ON c.id = e.contact_id"
                            + " JOIN program_summary p ON p.id = e.program_id"
                            + " ORDER BY c.family_name_key, c.id, e.id")) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDate expires = rs.getObject(9, LocalDate.class);
                        csv.printRecord(rs.getString(1) + " " + rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                                rs.getObject(8, LocalDate.class), expires,
                                expires == null ? null : ChronoUnit.DAYS.between(today, expires));
                        rows++;
                    }
                }
                csv.flush();
            }
            c.commit();
            return rows;
        }
    }

    /** The enrollments the daily run is measured on: ids to expire and ids with a reminder due, with emails. */
    public record ExpirySet(List<Long> toExpire, List<Long> toRemind, List<String> emails) {
    }

    /**
     * The writes of the daily run by raw JDBC batch into scratch tables shaped like the real ones (dropped
     * afterwards), in chunks of {@value #CHUNK} rows, one transaction each: for each enrollment to expire an
     * UPDATE of its status and an audit row; for each reminder an outbox row and a reminder row.
     */
    public static Duration rawExpiryWrites(DataSource dataSource, ExpirySet set) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            ddl.execute("CREATE TABLE bench_expiry_enrollment (id BIGINT PRIMARY KEY, contact_id BIGINT NOT NULL,"
                    + " program_id BIGINT NOT NULL, expires_on DATE, status VARCHAR(20) NOT NULL,"
                    + " status_changed_at TIMESTAMP NOT NULL, version BIGINT NOT NULL)");
            ddl.execute("CREATE INDEX bench_expiry_enrollment_status ON bench_expiry_enrollment (status, expires_on)");
            ddl.execute("CREATE INDEX bench_expiry_enrollment_program ON bench_expiry_enrollment (program_id, status,"
                    + " expires_on)");
            ddl.execute("CREATE TABLE bench_expiry_audit (id BIGSERIAL PRIMARY KEY, at TIMESTAMP NOT NULL,"
                    + " actor VARCHAR(64) NOT NULL, entity_type VARCHAR(64) NOT NULL, entity_id VARCHAR(64) NOT NULL,"
                    + " action VARCHAR(64) NOT NULL, changes VARCHAR(8000))");
            ddl.execute("CREATE INDEX bench_expiry_audit_entity ON bench_expiry_audit (entity_type, entity_id, id)");
            ddl.execute("CREATE INDEX bench_expiry_audit_actor ON bench_expiry_audit (actor, id)");
            ddl.execute("CREATE TABLE bench_expiry_outbox (id BIGSERIAL PRIMARY KEY, recipient VARCHAR(254) NOT NULL,"
                    + " recipient_key VARCHAR(254) NOT NULL, subject VARCHAR(300) NOT NULL, body TEXT NOT NULL,"
                    + " status VARCHAR(16) NOT NULL, attempts INT NOT NULL, created_at TIMESTAMP NOT NULL,"
                    + " next_attempt_at TIMESTAMP NOT NULL)");
            ddl.execute("CREATE INDEX bench_expiry_outbox_due ON bench_expiry_outbox (status, next_attempt_at)");
            ddl.execute("CREATE INDEX bench_expiry_outbox_status ON bench_expiry_outbox (status, id)");
            ddl.execute("CREATE INDEX bench_expiry_outbox_recipient ON bench_expiry_outbox (recipient_key, id)");
            ddl.execute("CREATE TABLE bench_expiry_reminder (id BIGSERIAL PRIMARY KEY, enrollment_id BIGINT NOT NULL,"
                    + " expires_on DATE NOT NULL, step VARCHAR(20) NOT NULL, outcome VARCHAR(16) NOT NULL,"
                    + " recipient VARCHAR(254), mail_id BIGINT, run_id BIGINT, handled_at TIMESTAMP NOT NULL,"
                    + " UNIQUE (enrollment_id, expires_on, step))");
            try {
                fill(c, set);
                c.setAutoCommit(false);
                long started = System.nanoTime();
                expireRaw(c, set.toExpire());
                remindRaw(c, set);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                c.setAutoCommit(true);
                return took;
            } finally {
                c.setAutoCommit(true);
                for (String t : List.of("bench_expiry_enrollment", "bench_expiry_audit", "bench_expiry_outbox",
                        "bench_expiry_reminder")) {
                    ddl.execute("DROP TABLE " + t);
                }
            }
        }
    }

    private static void fill(Connection c, ExpirySet set) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_expiry_enrollment VALUES"
                + " (?, ?, 1, ?, 'ACTIVE', ?, 1)")) {
            List<Long> all = new ArrayList<>(set.toExpire());
            all.addAll(set.toRemind());
            for (int i = 0; i < all.size(); i++) {
                insert.setLong(1, all.get(i));
                insert.setLong(2, i);
                insert.setObject(3, LocalDate.now());
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.addBatch();
                if ((i + 1) % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void expireRaw(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE bench_expiry_enrollment SET status = 'EXPIRED',"
                + " status_changed_at = ?, version = version + 1 WHERE id = ? AND version = ?");
                PreparedStatement audit = c.prepareStatement("INSERT INTO bench_expiry_audit (at, actor, entity_type,"
                        + " entity_id, action, changes) VALUES (?, 'admin', 'Enrollment', ?, 'status', ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                Timestamp now = Timestamp.from(Instant.now());
                update.setTimestamp(1, now);
                update.setLong(2, ids.get(i));
                update.setLong(3, 1);
                update.addBatch();
                audit.setTimestamp(1, now);
                audit.setString(2, Long.toString(ids.get(i)));
                audit.setString(3, "{\"status\":[\"ACTIVE\",\"EXPIRED\"],\"reason\":\"Expired: the certification"
                        + " expired and its grace period ended.\",\"source\":\"tracking expiry run\"}");
                audit.addBatch();
                if ((i + 1) % CHUNK == 0 || i == ids.size() - 1) {
                    update.executeBatch();
                    audit.executeBatch();
                    c.commit();
                }
            }
        }
    }

    private static void remindRaw(Connection c, ExpirySet set) throws SQLException {
        try (PreparedStatement mail = c.prepareStatement("INSERT INTO bench_expiry_outbox (recipient, recipient_key,"
                + " subject, body, status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, 'QUEUED', 0, ?, ?)",
                new String[] { "id" });
                PreparedStatement reminder = c.prepareStatement("INSERT INTO bench_expiry_reminder (enrollment_id,"
                        + " expires_on, step, outcome, recipient, mail_id, run_id, handled_at)"
                        + " VALUES (?, ?, 'BEFORE_30', 'SENT', ?, ?, 1, ?)")) {
            List<Long> ids = set.toRemind();
            LocalDate expires = LocalDate.now().plusDays(20);
            for (int start = 0; start < ids.size(); start += CHUNK) {
                int end = Math.min(ids.size(), start + CHUNK);
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = start; i < end; i++) {
                    String email = set.emails().get(i);
                    mail.setString(1, email);
                    mail.setString(2, email.toLowerCase());
                    mail.setString(3, "Your Benchmark certification expires on " + expires);
                    mail.setString(4, "Dear contact " + i + ", your certification in Benchmark expires on " + expires
                            + " (20 days left). Please recertify.");
                    mail.setTimestamp(5, now);
                    mail.setTimestamp(6, now);
                    mail.addBatch();
                }
                mail.executeBatch();
                List<Long> mailIds = new ArrayList<>();
                try (ResultSet keys = mail.getGeneratedKeys()) {
                    while (keys.next()) {
                        mailIds.add(keys.getLong(1));
                    }
                }
                for (int i = start; i < end; i++) {
                    reminder.setLong(1, ids.get(i));
                    reminder.setObject(2, expires);
                    reminder.setString(3, set.emails().get(i));
                    reminder.setLong(4, mailIds.get(i - start));
                    reminder.setTimestamp(5, now);
                    reminder.addBatch();
                }
                reminder.executeBatch();
                c.commit();
            }
        }
    }

    /** Runs the expiry process type through the engine and waits for it; the run must complete. */
    public static ProcessRun runExpiry(ProcessService processes, Waiter waiter) throws Exception {
        long id = processes.start(EXPIRY_TYPE, Map.of(), RunOptions.run());
        ProcessRun run = waiter.await(id);
        if (run.state() != RunState.COMPLETED) {
            throw new IllegalStateException("The expiry run " + id + " ended " + run.state() + ": " + run.error());
        }
        return run;
    }

    /** The statuses the set's enrollments have after the run, as a check that the run did the work measured. */
    public static Map<CertificationStatus, Long> statuses(TrackingService tracking, String programCode) {
        return tracking.counts(TrackingFilter.ALL.withPrograms(Set.of(programCode))).byStatus();
    }

    /** Counts and drops the bytes written. */
    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
