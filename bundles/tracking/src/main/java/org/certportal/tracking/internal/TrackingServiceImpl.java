package org.certportal.tracking.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.certportal.audit.api.AuditLog;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.certportal.tracking.api.SavedFilter;
import org.certportal.tracking.api.StatusCounts;
import org.certportal.tracking.api.StatusDetail;
import org.certportal.tracking.api.StatusHistoryEntry;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.TrackingRow;
import org.certportal.tracking.api.TrackingService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = TrackingService.class)
public class TrackingServiceImpl implements TrackingService {
    /** What the audit log says made a change through this page. */
    static final String SOURCE = "tracking";
    static final List<String> CSV_HEADER = List.of("contact", "identifier", "program", "program name", "status",
            "enrolled", "earned", "expires", "days left");
    private static final int EXPORT_FETCH = 2000;
    private static final int PROGRESS_EVERY = 5000;
    private static final int HISTORY = 100;
    /** The entity type the enrollments feature audits status changes under. */
    static final String ENROLLMENT_AUDIT_TYPE = "enrollment";

    private final DataSource ds;
    private final SecurityService security;
    private final EnrollmentService enrollments;
    private final SettingsService settings;
    private final AuditLog audit;
    private final Clock clock;

    @Activate
    public TrackingServiceImpl(@Reference(target = DataSources.TARGET) DataSource ds,
            @Reference SecurityService security, @Reference EnrollmentService enrollments,
            @Reference SettingsService settings, @Reference AuditLog audit, @Reference TrackingSchema schema) {
        this(ds, security, enrollments, settings, audit, Clock.systemUTC());
    }

    /** With the clock that says what day it is (tests; not public: SCR must see one constructor of this arity). */
    TrackingServiceImpl(DataSource ds, SecurityService security, EnrollmentService enrollments,
            SettingsService settings, AuditLog audit, Clock clock) {
        this.ds = ds;
        this.security = security;
        this.enrollments = enrollments;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today and the notice days, read once per call. */
    private record Day(LocalDate today, OrganisationSettings org) {
        LocalDate horizon() {
            return ExpiryRules.expiringHorizon(org.expiringNoticeDays(), today);
        }
    }

    private Day day() {
        OrganisationSettings org = settings.current();
        return new Day(ExpiryRules.today(clock.instant(), org.timeZone()), org);
    }

    @Override
    public Page<TrackingRow> list(TrackingFilter filter, PageRequest page) {
        security.require(TrackingPermissions.READ);
        Day day = day();
        TrackingQuery query = new TrackingQuery(filter, day.horizon());
        query.page(page); // a bad sort key is refused before the database is asked
        return JdbcTransactions.required(ds, c -> Page.countedUpTo(rows(c, query.page(page), day),
                count(c, query.total())));
    }

    @Override
    public List<TrackingRow> rows(TrackingFilter filter, PageRequest page) {
        security.require(TrackingPermissions.READ);
        Day day = day();
        TrackingQuery.Sql sql = new TrackingQuery(filter, day.horizon()).page(page);
        return JdbcTransactions.required(ds, c -> rows(c, sql, day));
    }

    @Override
    public StatusCounts counts(TrackingFilter filter) {
        security.require(TrackingPermissions.READ);
        TrackingQuery.Sql sql = new TrackingQuery(filter, day().horizon()).counts();
        return JdbcTransactions.required(ds, c -> {
            Map<CertificationStatus, Long> by = new EnumMap<>(CertificationStatus.class);
            long total = 0;
            try (PreparedStatement ps = JdbcStatements.prepare(c, sql.text(), sql.params());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    by.put(CertificationStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    total += rs.getLong(2);
                }
            }
            return new StatusCounts(by, total);
        });
    }

    @Override
    public StatusCounts countsUpTo(TrackingFilter filter) {
        security.require(TrackingPermissions.READ);
        if (filter.text() != null) {
            // a name or identifier prefix bounds the rows to its contacts' enrollments: one grouped pass over them
            // costs less than ten capped passes, each joining the contacts again (measured at 1,000,000 rows)
            return capped(counts(filter).byStatus());
        }
        TrackingQuery.Sql sql = new TrackingQuery(filter, day().horizon()).cappedCounts();
        return JdbcTransactions.required(ds, c -> {
            Map<CertificationStatus, Long> by = new EnumMap<>(CertificationStatus.class);
            try (PreparedStatement ps = JdbcStatements.prepare(c, sql.text(), sql.params());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < TrackingQuery.CAPPED_ORDER.size(); i++) {
                    by.put(TrackingQuery.CAPPED_ORDER.get(i), rs.getLong(i + 1));
                }
            }
            return capped(by);
        });
    }

    /** Counts above {@link Page#COUNT_CAP} become the cap, named in {@link StatusCounts#more}. */
    private static StatusCounts capped(Map<CertificationStatus, Long> counted) {
        Map<CertificationStatus, Long> by = new EnumMap<>(CertificationStatus.class);
        Set<CertificationStatus> more = EnumSet.noneOf(CertificationStatus.class);
        counted.forEach((s, n) -> {
            if (n > Page.COUNT_CAP) {
                more.add(s);
            }
            by.put(s, Math.min(n, Page.COUNT_CAP));
        });
        return new StatusCounts(by, by.values().stream().mapToLong(Long::longValue).sum(), more);
    }

    @Override
    public long export(TrackingFilter filter, String sortBy, boolean ascending, OutputStream out,
            LongConsumer progress) throws IOException {
        security.require(TrackingPermissions.EXPORT);
        Day day = day();
        TrackingQuery.Sql sql = new TrackingQuery(filter, day.horizon()).all(sortBy, ascending);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).build();
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            return JdbcTransactions.required(ds, c -> {
                long written = 0;
                try (CSVPrinter csv = new CSVPrinter(writer, format);
                        PreparedStatement ps = JdbcStatements.prepare(c, sql.text(), sql.params())) {
                    // streamed: PostgreSQL fetches in batches only inside a transaction with a fetch size
                    ps.setFetchSize(EXPORT_FETCH);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            TrackingRow r = row(rs, day);
                            csv.printRecord(r.contactName(), r.identifier(), r.programCode(), r.programName(),
                                    r.status().title(), r.enrolledOn(), r.earnedOn(), r.expiresOn(), r.daysLeft());
                            written++;
                            if (progress != null && written % PROGRESS_EVERY == 0) {
                                progress.accept(written);
                            }
                        }
                    }
                    csv.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (progress != null) {
                    progress.accept(written);
                }
                return written;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public List<SavedFilter> savedFilters() {
        Caller caller = security.require(TrackingPermissions.READ);
        return JdbcTransactions.required(ds, c -> SavedFilters.of(c, caller.userName()));
    }

    @Override
    public SavedFilter saveFilter(String name, TrackingFilter filter) {
        Caller caller = security.require(TrackingPermissions.READ);
        String n = SavedFilters.checkName(name);
        String query = FilterQuery.format(filter == null ? TrackingFilter.ALL : filter);
        return JdbcTransactions.required(ds, c -> SavedFilters.save(c, caller.userName(), n, query,
                clock.instant()));
    }

    @Override
    public void deleteFilter(long savedFilterId) {
        Caller caller = security.require(TrackingPermissions.READ);
        JdbcTransactions.required(ds, c -> {
            SavedFilters.delete(c, caller.userName(), savedFilterId);
            return null;
        });
    }

    @Override
    public StatusDetail detail(long enrollmentId) {
        security.require(TrackingPermissions.READ);
        Day day = day();
        TrackingRow row = JdbcTransactions.required(ds, c -> one(c, enrollmentId, day));
        Set<CertificationStatus> targets = EnumSet.noneOf(CertificationStatus.class);
        if (security.isPermitted(TrackingPermissions.SET_STATUS)) {
            MANUAL_STATUSES.stream().filter(s -> s != row.status()).forEach(targets::add);
        }
        boolean mayReview = row.status() == CertificationStatus.ADMIN_REVIEW
                && security.isPermitted(TrackingPermissions.REVIEW);
        // the enrollment's own entries, read with tracking's permission: the page's users see them, not the whole log
        List<StatusHistoryEntry> history = StatusHistory.of(audit.history(ENROLLMENT_AUDIT_TYPE,
                String.valueOf(enrollmentId), TrackingPermissions.READ, PageRequest.first(HISTORY)).items());
        List<org.certportal.tracking.api.SentReminder> reminders = JdbcTransactions.required(ds,
                c -> ReminderLog.of(c, enrollmentId, HISTORY));
        return new StatusDetail(row, targets, mayReview, history, reminders);
    }

    @Override
    public TrackingRow setStatus(long enrollmentId, long expectedVersion, CertificationStatus to, String reason) {
        security.require(TrackingPermissions.SET_STATUS);
        if (to == null || !MANUAL_STATUSES.contains(to)) {
            throw new IllegalArgumentException("Staff set only these statuses by hand: "
                    + MANUAL_STATUSES.stream().map(CertificationStatus::title).toList() + ".");
        }
        return change(new StatusChange(enrollmentId, expectedVersion, to, StatusReasons.required(reason), null));
    }

    @Override
    public TrackingRow resolveReview(long enrollmentId, long expectedVersion, boolean approve, String reason) {
        security.require(TrackingPermissions.REVIEW);
        String why = StatusReasons.required(reason);
        Day day = day();
        TrackingRow row = JdbcTransactions.required(ds, c -> one(c, enrollmentId, day));
        if (row.status() != CertificationStatus.ADMIN_REVIEW) {
            throw new IllegalArgumentException("This certification is " + row.status().title().toLowerCase(
                    java.util.Locale.ROOT) + ", not in admin review.");
        }
        return change(new StatusChange(enrollmentId, expectedVersion, approve ? CertificationStatus.ACTIVE
                : REVIEW_REJECTED, why, null));
    }

    /** What a rejected Admin Review becomes. */
    static final CertificationStatus REVIEW_REJECTED = CertificationStatus.NOT_COMPLETED;

    /** Through the enrollments' one status door, in one transaction; a refused move changes nothing. */
    private TrackingRow change(StatusChange move) {
        Day day = day();
        return JdbcTransactions.required(ds, c -> {
            StatusChangeResult result = enrollments.changeStatus(c, List.of(move), SOURCE);
            if (!result.refused().isEmpty()) {
                throw new IllegalArgumentException(result.refused().get(0).reason());
            }
            return one(c, move.enrollmentId(), day);
        });
    }

    private TrackingRow one(Connection c, long enrollmentId, Day day) throws SQLException {
        List<TrackingRow> found = rows(c, new TrackingQuery.Sql(TrackingQuery.COLUMNS + " FROM enrollment_summary e"
                + " JOIN contact_summary c ON c.id = e.contact_id JOIN program_summary p ON p.id = e.program_id"
                + " WHERE e.id = ?", List.of(enrollmentId)), day);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("There is no enrollment " + enrollmentId + ".");
        }
        return found.get(0);
    }

    private static List<TrackingRow> rows(Connection c, TrackingQuery.Sql sql, Day day) throws SQLException {
        List<TrackingRow> rows = new ArrayList<>();
        try (PreparedStatement ps = JdbcStatements.prepare(c, sql.text(), sql.params());
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs, day));
            }
        }
        return rows;
    }

    private static long count(Connection c, TrackingQuery.Sql sql) throws SQLException {
        try (PreparedStatement ps = JdbcStatements.prepare(c, sql.text(), sql.params());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static TrackingRow row(ResultSet rs, Day day) throws SQLException {
        String given = rs.getString(3);
        String family = rs.getString(4);
        CertificationStatus stored = CertificationStatus.valueOf(rs.getString(9));
        LocalDate expires = rs.getObject(12, LocalDate.class);
        return new TrackingRow(rs.getLong(1), rs.getLong(2), given == null || given.isBlank() ? family
                : given + " " + family, rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                ExpiryRules.shown(stored, expires, day.org().expiringNoticeDays(), day.today()),
                rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), expires,
                ExpiryRules.daysLeft(expires, day.today()), rs.getLong(13));
    }
}
