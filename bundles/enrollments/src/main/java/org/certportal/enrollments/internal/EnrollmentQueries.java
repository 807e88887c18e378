package org.certportal.enrollments.internal;

import static org.certportal.persistence.api.JdbcStatements.escapeLike;
import static org.certportal.persistence.api.JdbcStatements.placeholders;
import static org.certportal.persistence.api.JdbcStatements.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.contacts.api.ContactNames;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrolleeRow;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.enrollments.api.Standing;
import org.certportal.enrollments.api.Trackers;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/**
 * The SQL of the lists and counts, on the transaction's own connection. Contacts are read through
 * the contacts feature's published view {@code contact_summary} (id, given_name, family_name,
 * family_name_key, external_id), never its table: the enrollee lists join it to sort and search by
 * name in the database at this scale.
 */
final class EnrollmentQueries {
    static final String COLUMNS = "e.id, e.contact_id, e.program_id, e.rule_version, e.cycle, e.enrolled_on,"
            + " e.grace_period_begins, e.expires_on, e.earned_on, e.status, e.status_changed_at, e.version";
    private static final String STUDYING = "('IN_PROGRESS','APPLIED')";
    private static final String EARNED = "('ACTIVE','ADMIN_REVIEW')";
    private static final String CLOSED = "('CANCELLED','DECLINED','INACTIVE','NOT_COMPLETED')";
    private static final String IN_A_TRACKER = "('IN_PROGRESS','APPLIED','ACTIVE','ADMIN_REVIEW','EXPIRED')";
    private static final Map<String, String> SORTS = Map.of(EnrollmentService.SORT_NAME,
            "c.family_name_key %1$s, c.given_name %1$s", EnrollmentService.SORT_ENROLLED_ON, "e.enrolled_on %1$s",
            EnrollmentService.SORT_EXPIRES_ON, "e.expires_on %1$s", EnrollmentService.SORT_STATUS, "e.status %1$s");
    /** Ids per IN list. */
    static final int IN_LIST = 1000;

    private EnrollmentQueries() {
    }

    /** A piece of WHERE clause and its parameters. */
    record Condition(String sql, List<Object> params) {
    }

    /** The same buckets as {@link Standings#of}, as conditions on alias {@code e}, for one day. */
    static Condition standing(Standing standing, LocalDate today) {
        switch (standing) {
        case EARNED:
            return new Condition("e.status IN " + EARNED + " AND (e.expires_on IS NULL OR e.expires_on >= ?)",
                    List.of(today));
        case ENROLLED:
            return new Condition("e.status IN " + STUDYING + " AND e.grace_period_begins > ?", List.of(today));
        case GRACE_PERIOD:
            return new Condition("e.status IN " + STUDYING + " AND e.grace_period_begins <= ? AND e.expires_on >= ?",
                    List.of(today, today));
        case EXPIRED:
            return new Condition("(e.status = 'EXPIRED' OR e.status IN " + STUDYING + " AND e.expires_on < ?"
                    + " OR e.status IN " + EARNED + " AND e.expires_on < ?)", List.of(today, today));
        default:
            return new Condition("e.status IN " + CLOSED, List.of());
        }
    }

    /** The four trackers in one pass over the program's index entries. */
    static Trackers trackers(Connection c, long programId, LocalDate today) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> params = new ArrayList<>();
        Standing[] buckets = { Standing.EARNED, Standing.ENROLLED, Standing.GRACE_PERIOD, Standing.EXPIRED };
        for (int i = 0; i < buckets.length; i++) {
            Condition cond = standing(buckets[i], today);
            sql.append(i == 0 ? "" : ", ").append("SUM(CASE WHEN ").append(cond.sql()).append(" THEN 1 ELSE 0 END)");
            params.addAll(cond.params());
        }
        sql.append(" FROM enrollment e WHERE e.program_id = ? AND e.status IN ").append(IN_A_TRACKER);
        params.add(programId);
        try (PreparedStatement ps = prepare(c, sql.toString(), params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long earned = rs.getLong(1);
            long enrolled = rs.getLong(2);
            long grace = rs.getLong(3);
            long expired = rs.getLong(4);
            return new Trackers(earned + enrolled + grace + expired, earned, enrolled, grace, expired);
        }
    }

    static Page<EnrolleeRow> enrollees(Connection c, long programId, EnrolleeFilter filter, PageRequest page,
            LocalDate today) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE e.program_id = ?");
        List<Object> params = new ArrayList<>(List.of(programId));
        boolean byName = nameFilter(where, params, filter == null ? null : filter.text());
        if (filter != null && filter.status() != null) {
            where.append(" AND e.status = ?");
            params.add(filter.status().name());
        }
        if (filter != null && filter.standing() != null) {
            Condition cond = standing(filter.standing(), today);
            where.append(" AND ").append(cond.sql());
            params.addAll(cond.params());
        }
        // contacts are never deleted, so without a name filter the count needs no join; it stops at the cap: a
        // program of a million enrollees is not counted for a page of fifty
        long total = count(c, JdbcStatements.countUpTo("SELECT e.id FROM enrollment e" + (byName ? JOIN : "") + where),
                params);
        List<EnrolleeRow> rows = new ArrayList<>();
        String sql = "SELECT e.id, e.contact_id, c.given_name, c.family_name, c.external_id, e.status,"
                + " e.grace_period_begins, e.enrolled_on, e.expires_on FROM enrollment e" + JOIN + where + " ORDER BY "
                + order(page) + " LIMIT ? OFFSET ?";
        try (PreparedStatement ps = prepare(c, sql, paged(params, page)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                CertificationStatus status = CertificationStatus.valueOf(rs.getString(6));
                LocalDate expires = rs.getObject(9, LocalDate.class);
                rows.add(new EnrolleeRow(rs.getLong(1), rs.getLong(2), name(rs.getString(3), rs.getString(4)),
                        rs.getString(5), status, Standings.of(status, rs.getObject(7, LocalDate.class), expires, today),
                        rs.getObject(8, LocalDate.class), expires));
            }
        }
        return Page.countedUpTo(rows, total);
    }

    static Page<PurgeCandidate> purgeCandidates(Connection c, Long programId, String text, PageRequest page,
            LocalDate today) throws SQLException {
        StringBuilder where = new StringBuilder(" WHERE ").append(purgeable());
        List<Object> params = new ArrayList<>(List.of(today));
        if (programId != null) {
            where.append(" AND e.program_id = ?");
            params.add(programId);
        }
        boolean byName = nameFilter(where, params, text);
        long total = count(c, JdbcStatements.countUpTo("SELECT e.id FROM enrollment e" + (byName ? JOIN : "") + where),
                params);
        List<PurgeCandidate> rows = new ArrayList<>();
        String sql = "SELECT e.id, e.contact_id, c.given_name, c.family_name, c.external_id, e.program_id, e.status,"
                + " e.enrolled_on, e.expires_on FROM enrollment e" + JOIN + where + " ORDER BY " + order(page)
                + " LIMIT ? OFFSET ?";
        try (PreparedStatement ps = prepare(c, sql, paged(params, page)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new PurgeCandidate(rs.getLong(1), rs.getLong(2), name(rs.getString(3), rs.getString(4)),
                        rs.getString(5), rs.getLong(6), CertificationStatus.valueOf(rs.getString(7)),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class)));
            }
        }
        return Page.countedUpTo(rows, total);
    }

    /** Of these ids, the ones that are purge candidates today. */
    static Set<Long> purgeable(Connection c, List<Long> ids, LocalDate today) throws SQLException {
        Set<Long> found = new HashSet<>();
        for (List<Long> part : parts(ids)) {
            List<Object> params = new ArrayList<>(List.of(today));
            params.addAll(part);
            try (PreparedStatement ps = prepare(c, "SELECT e.id FROM enrollment e WHERE " + purgeable()
                    + " AND e.id IN " + placeholders(part.size()), params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    /** Enrollments by id, for the audit entries of a purge. */
    static List<Enrollment> byIds(Connection c, List<Long> ids) throws SQLException {
        List<Enrollment> found = new ArrayList<>();
        for (List<Long> part : parts(ids)) {
            found.addAll(list(c, "SELECT " + COLUMNS + " FROM enrollment e WHERE e.id IN " + placeholders(part.size()),
                    new ArrayList<>(part)));
        }
        return found;
    }

    static void delete(Connection c, List<Long> ids) throws SQLException {
        for (List<Long> part : parts(ids)) {
            try (PreparedStatement ps = prepare(c, "DELETE FROM enrollment WHERE id IN " + placeholders(part.size()),
                    new ArrayList<>(part))) {
                ps.executeUpdate();
            }
        }
    }

    /** The earlier enrollments of these contacts in a program (one array parameter: any number of contacts). */
    static List<Enrollment> priorEnrollments(Connection c, long programId, Collection<Long> contactIds)
            throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM enrollment e WHERE e.program_id = ? AND e.contact_id = ANY(?)",
                List.of(programId, contactIds.toArray(Long[]::new)));
    }

    /** By contact id: the enrollments in progress of these contacts in the program (one array parameter). */
    static Map<Long, Enrollment> inProgress(Connection c, long programId, Collection<Long> contactIds)
            throws SQLException {
        Map<Long, Enrollment> found = new HashMap<>();
        for (Enrollment e : list(c, "SELECT " + COLUMNS + " FROM enrollment e WHERE e.program_id = ? AND e.status = ?"
                + " AND e.contact_id = ANY(?)", List.of(programId, CertificationStatus.IN_PROGRESS.name(),
                        contactIds.toArray(Long[]::new)))) {
            found.put(e.contactId(), e);
        }
        return found;
    }

    /**
     * Waits for, then holds until the transaction ends, the enrolling lock of the program: enrolls
     * into one program take turns, so a contact's earlier enrollment is always seen by the next.
     */
    static void lockProgram(Connection c, long programId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT program_id FROM enrollment_program_lock WHERE program_id = ? FOR UPDATE")) {
            ps.setLong(1, programId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        throw new IllegalStateException("The program " + programId + " has no enrolling lock row.");
    }

    /** Creates the program's lock row unless it exists; true when this call created it. */
    static boolean createProgramLock(Connection c, long programId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO enrollment_program_lock (program_id) SELECT ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM enrollment_program_lock WHERE program_id = ?)")) {
            ps.setLong(1, programId);
            ps.setLong(2, programId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Which of these contact ids exist. */
    static Set<Long> existingContacts(Connection c, Collection<Long> contactIds) throws SQLException {
        Set<Long> found = new HashSet<>();
        try (PreparedStatement ps = prepare(c, "SELECT id FROM contact_summary WHERE id = ANY(?)",
                List.of((Object) contactIds.toArray(Long[]::new))); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        return found;
    }

    static List<Enrollment> ofContact(Connection c, long contactId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM enrollment e WHERE e.contact_id = ?"
                + " ORDER BY e.enrolled_on DESC, e.id DESC", List.of(contactId));
    }

    /** The contact's name and external identifier, or null when there is no such contact. */
    static String[] contact(Connection c, long contactId) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT given_name, family_name, external_id FROM contact_summary"
                + " WHERE id = ?",
                List.of(contactId)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new String[] { name(rs.getString(1), rs.getString(2)), rs.getString(3) } : null;
        }
    }

    /**
     * Enrollments judged by a rule version, as the programs feature counts them before a rule change:
     * all but cancelled ones (purged ones are gone), so that the history of expired, declined or
     * earned enrollments keeps the rules it was made under.
     */
    static long currentEnrollees(Connection c, long programId, int ruleVersion) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM enrollment e WHERE e.program_id = ? AND e.rule_version = ?"
                + " AND e.status <> 'CANCELLED'", List.of(programId, ruleVersion));
    }

    static Enrollment enrollment(ResultSet rs) throws SQLException {
        return new Enrollment(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), CertificationStatus.valueOf(rs.getString(10)),
                rs.getObject(11, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getLong(12));
    }

    static String name(String given, String family) {
        return given == null || given.isBlank() ? family : given + " " + family;
    }

    static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return parts;
    }

    private static final String JOIN = " JOIN contact_summary c ON c.id = e.contact_id";

    /** Purge candidates; one parameter: today. */
    private static String purgeable() {
        return "(e.status IN " + CLOSED + " OR e.status = 'EXPIRED' OR e.status IN " + STUDYING
                + " AND e.expires_on < ?)";
    }

    /**
     * Adds the name/identifier condition: the family name starts with the text (any case), or the
     * external identifier is exactly the text. True when there is one (it needs the contact join).
     */
    static boolean nameFilter(StringBuilder where, List<Object> params, String text) {
        String term = text == null ? "" : text.strip();
        if (term.isEmpty()) {
            return false;
        }
        String key = ContactNames.key(term);
        String above = prefixBound(key);
        if (above == null) {
            where.append(" AND (c.family_name_key LIKE ? ESCAPE '\\' OR c.external_id = ?)");
            params.addAll(List.of(escapeLike(key) + "%", term));
        } else {
            // the range lets the contact table's plain index find the prefix whatever the database's collation
            // (LIKE alone uses it only under the C collation); LIKE keeps the match exact
            where.append(" AND (c.family_name_key >= ? AND c.family_name_key < ? AND c.family_name_key LIKE ?"
                    + " ESCAPE '\\' OR c.external_id = ?)");
            params.addAll(List.of(key, above, escapeLike(key) + "%", term));
        }
        return true;
    }

    /**
     * The least string above every string starting with the prefix, when that is certain in the C and the
     * usual linguistic collations: for a prefix of ASCII letters and digits, the prefix with its last
     * character moved one up (not past z or 9). Null otherwise: the caller then matches by LIKE alone.
     */
    static String prefixBound(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        boolean safe = prefix.chars().allMatch(ch -> ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9')
                && (last >= 'a' && last < 'z' || last >= '0' && last < '9');
        return safe ? prefix.substring(0, prefix.length() - 1) + (char) (last + 1) : null;
    }

    private static String order(PageRequest page) {
        String sort = SORTS.get(page.sortBy() == null ? EnrollmentService.SORT_NAME : page.sortBy());
        if (sort == null) {
            throw new IllegalArgumentException("Enrollments cannot be sorted by '" + page.sortBy() + "'; use one of "
                    + SORTS.keySet() + ".");
        }
        String direction = page.ascending() ? "ASC" : "DESC";
        return String.format(sort, direction) + ", e.id " + direction;
    }

    private static List<Object> paged(List<Object> params, PageRequest page) {
        List<Object> all = new ArrayList<>(params);
        all.add(page.limit());
        all.add(page.offset());
        return all;
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Enrollment> list(Connection c, String sql, List<Object> params) throws SQLException {
        List<Enrollment> found = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(enrollment(rs));
            }
        }
        return found;
    }
}
