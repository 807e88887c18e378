package org.certportal.enrollments.internal;

import static org.certportal.persistence.api.JdbcStatements.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/**
 * The SQL of applications, on the transaction's own connection. Names and codes come from the
 * published views {@code contact_summary} and {@code program_summary}, never the other features' tables.
 */
final class ApplicationQueries {
    private static final String FROM = " FROM enrollment_application a JOIN contact_summary c ON c.id = a.contact_id"
            + " JOIN program_summary p ON p.id = a.program_id";
    /** Counts and selections name the contact view only to filter by name, and the program view never. */
    private static final String FROM_ALONE = " FROM enrollment_application a";
    private static final String FROM_CONTACTS = FROM_ALONE + " JOIN contact_summary c ON c.id = a.contact_id";
    private static final String COLUMNS = "SELECT a.id, a.contact_id, c.given_name, c.family_name, a.program_id,"
            + " p.code, a.enrollment_id, a.status, a.applied_on, a.decided_by, a.decided_at, a.reason, a.version";
    private static final Map<String, String> SORTS = Map.of(ApplicationService.SORT_APPLIED_ON, "a.applied_on %1$s",
            ApplicationService.SORT_NAME, "c.family_name_key %1$s, c.given_name %1$s", ApplicationService.SORT_PROGRAM,
            "p.code_key %1$s", ApplicationService.SORT_STATUS, "a.status %1$s");
    private static final String OPEN = "('SUBMITTED','UNDER_REVIEW')";

    private ApplicationQueries() {
    }

    /** A new row; its id comes from {@link #nextIds}. */
    record NewApplication(long id, long contactId, long programId, long enrollmentId, LocalDate appliedOn) {
    }

    static Page<Application> search(Connection c, ApplicationFilter filter, PageRequest page) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        boolean byName = where(filter, where, params);
        long total = count(c, where, params, byName);
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.limit());
        paged.add(page.offset());
        return new Page<>(list(c, COLUMNS + FROM + where + " ORDER BY " + order(page) + " LIMIT ? OFFSET ?", paged),
                total);
    }

    static long count(Connection c, ApplicationFilter filter) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        boolean byName = where(filter, where, params);
        return count(c, where, params, byName);
    }

    private static long count(Connection c, StringBuilder where, List<Object> params, boolean byName)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*)" + (byName ? FROM_CONTACTS : FROM_ALONE) + where,
                params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The contacts with a matching application to the program, distinct, by id. */
    static List<Long> contacts(Connection c, ApplicationFilter filter) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        boolean byName = where(filter, where, params);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "SELECT DISTINCT a.contact_id" + (byName ? FROM_CONTACTS : FROM_ALONE)
                + where + " ORDER BY a.contact_id", params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Adds the filter's conditions; true when they name the contact (the contact view must be joined). */
    private static boolean where(ApplicationFilter f, StringBuilder where, List<Object> params) {
        if (f == null) {
            return false;
        }
        if (f.programId() != null) {
            where.append(" AND a.program_id = ?");
            params.add(f.programId());
        }
        if (!f.statuses().isEmpty()) {
            where.append(" AND a.status IN ").append(org.certportal.persistence.api.JdbcStatements
                    .placeholders(f.statuses().size()));
            f.statuses().stream().sorted().forEach(s -> params.add(s.name()));
        }
        if (f.appliedFrom() != null) {
            where.append(" AND a.applied_on >= ?");
            params.add(f.appliedFrom());
        }
        if (f.appliedThrough() != null) {
            where.append(" AND a.applied_on <= ?");
            params.add(f.appliedThrough());
        }
        return EnrollmentQueries.nameFilter(where, params, f.contactPrefix());
    }

    static List<Application> ofContact(Connection c, long contactId) throws SQLException {
        return list(c, COLUMNS + FROM + " WHERE a.contact_id = ? ORDER BY a.applied_on DESC, a.id DESC",
                List.of(contactId));
    }

    static Application byId(Connection c, long id) throws SQLException {
        List<Application> found = list(c, COLUMNS + FROM + " WHERE a.id = ?", List.of(id));
        return found.isEmpty() ? null : found.get(0);
    }

    /** By contact id: the open applications of these contacts to the program (one array parameter). */
    static Map<Long, Application> open(Connection c, long programId, Collection<Long> contactIds) throws SQLException {
        Map<Long, Application> found = new HashMap<>();
        for (Application a : list(c, COLUMNS + FROM + " WHERE a.program_id = ? AND a.status IN " + OPEN
                + " AND a.contact_id = ANY(?)", List.of(programId, contactIds.toArray(Long[]::new)))) {
            found.put(a.contactId(), a);
        }
        return found;
    }

    /** An open application as the status door needs it: no names, so it reads the area's own table only. */
    record Open(long id, ApplicationStatus status, long version) {
    }

    /** By enrollment id: the open applications of these enrollments. */
    static Map<Long, Open> openOfEnrollments(Connection c, List<Long> enrollmentIds) throws SQLException {
        Map<Long, Open> found = new HashMap<>();
        for (List<Long> part : EnrollmentQueries.parts(enrollmentIds)) {
            try (PreparedStatement ps = prepare(c, "SELECT a.enrollment_id, a.id, a.status, a.version FROM"
                    + " enrollment_application a WHERE a.status IN " + OPEN + " AND a.enrollment_id IN "
                    + org.certportal.persistence.api.JdbcStatements.placeholders(part.size()), new ArrayList<>(part));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Open(rs.getLong(2), ApplicationStatus.valueOf(rs.getString(3)),
                            rs.getLong(4)));
                }
            }
        }
        return found;
    }

    /** Contact ids by external identifier, of those that exist (one array parameter). */
    static Map<String, Long> contactsByExternalId(Connection c, List<String> externalIds) throws SQLException {
        Map<String, Long> found = new HashMap<>();
        if (externalIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = prepare(c, "SELECT id, external_id FROM contact_summary WHERE external_id = ANY(?)",
                List.of((Object) externalIds.toArray(String[]::new))); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(2), rs.getLong(1));
            }
        }
        return found;
    }

    /** The next {@code n} ids of the applications' sequence, in one statement. */
    static List<Long> nextIds(Connection c, int n) throws SQLException {
        boolean h2 = c.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2");
        String sql = h2 ? "SELECT NEXT VALUE FOR enrollment_application_seq FROM SYSTEM_RANGE(1, ?)"
                : "SELECT nextval('enrollment_application_seq') FROM generate_series(1, ?)";
        List<Long> ids = new ArrayList<>(n);
        try (PreparedStatement ps = prepare(c, sql, List.of(n)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static void insert(Connection c, List<NewApplication> rows, Instant now) throws SQLException {
        Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrollment_application (id, contact_id, program_id,"
                + " enrollment_id, status, applied_on, decided_by, decided_at, reason, created_at, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, 1)")) {
            int pending = 0;
            for (NewApplication row : rows) {
                ps.setLong(1, row.id());
                ps.setLong(2, row.contactId());
                ps.setLong(3, row.programId());
                ps.setLong(4, row.enrollmentId());
                ps.setString(5, ApplicationStatus.SUBMITTED.name());
                ps.setObject(6, row.appliedOn());
                ps.setTimestamp(7, at);
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Records a decision, guarded by the version the application was read at. */
    static void decide(Connection c, long id, long version, ApplicationStatus to, String decidedBy, Instant at,
            String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE enrollment_application SET status = ?, decided_by = ?,"
                + " decided_at = ?, reason = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, decidedBy);
            ps.setTimestamp(3, at == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC)));
            ps.setString(4, reason);
            ps.setLong(5, id);
            ps.setLong(6, version);
            if (ps.executeUpdate() == 0) {
                throw new ConcurrentModificationException("The application was changed by someone else meanwhile;"
                        + " reload it and decide again.");
            }
        }
    }

    private static String order(PageRequest page) {
        String key = page.sortBy() == null ? ApplicationService.SORT_APPLIED_ON : page.sortBy();
        String sort = SORTS.get(key);
        if (sort == null) {
            throw new IllegalArgumentException("Applications cannot be sorted by '" + page.sortBy() + "'; use one of "
                    + SORTS.keySet() + ".");
        }
        // without a sort key, the newest first
        String direction = page.sortBy() != null && page.ascending() ? "ASC" : "DESC";
        return String.format(sort, direction) + ", a.id " + direction;
    }

    private static List<Application> list(Connection c, String sql, List<Object> params) throws SQLException {
        List<Application> found = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long enrollment = rs.getLong(7);
                Long enrollmentId = rs.wasNull() ? null : enrollment;
                LocalDateTime decidedAt = rs.getObject(11, LocalDateTime.class);
                found.add(new Application(rs.getLong(1), rs.getLong(2), EnrollmentQueries.name(rs.getString(3),
                        rs.getString(4)), rs.getLong(5), rs.getString(6), enrollmentId,
                        ApplicationStatus.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class), rs.getString(10),
                        decidedAt == null ? null : decidedAt.toInstant(ZoneOffset.UTC), rs.getString(12),
                        rs.getLong(13)));
            }
        }
        return found;
    }
}
