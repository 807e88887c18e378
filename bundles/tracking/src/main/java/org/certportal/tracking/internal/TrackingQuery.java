package org.certportal.tracking.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.certportal.contacts.api.ContactNames;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingService;

/**
 * The SQL of the tracking list, counts and export. It names only the read views the enrollments, contacts
 * and programs features publish, joins a view only when a condition or the page needs it, and derives the
 * shown status (Expiring) in the database so that filters, counts and pages agree with {@link ExpiryRules}.
 *
 * @param horizon the last expiration date shown as Expiring today; null when nothing is Expiring
 */
record TrackingQuery(TrackingFilter filter, LocalDate horizon) {
    /** A statement and its parameters, in order. */
    record Sql(String text, List<Object> params) {
    }

    static final String COLUMNS = "SELECT e.id, e.contact_id, c.given_name, c.family_name, c.external_id, e.program_id,"
            + " p.code, p.name, e.status, e.enrolled_on, e.earned_on, e.expires_on, e.version";
    private static final String FROM_ALL = " FROM enrollment_summary e"
            + " JOIN contact_summary c ON c.id = e.contact_id JOIN program_summary p ON p.id = e.program_id";
    private static final Map<String, String> ORDER = Map.of(
            // the contact index's own order (family name key, id): the first page of a million rows walks it
            TrackingService.SORT_NAME, "c.family_name_key%1$s, c.id%1$s",
            TrackingService.SORT_IDENTIFIER, "c.external_id%1$s NULLS LAST",
            TrackingService.SORT_PROGRAM, "p.name_key%1$s",
            TrackingService.SORT_STATUS, "e.status%1$s",
            TrackingService.SORT_ENROLLED, "e.enrolled_on%1$s",
            TrackingService.SORT_EARNED, "e.earned_on%1$s NULLS LAST",
            TrackingService.SORT_EXPIRES, "e.expires_on%1$s NULLS LAST",
            TrackingService.SORT_DAYS_LEFT, "e.expires_on%1$s NULLS LAST");

    /** One page of rows. */
    Sql page(PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(params, true);
        params.add(page.limit());
        params.add(page.offset());
        return new Sql(COLUMNS + FROM_ALL + where + orderBy(page.sortBy(), page.ascending()) + " LIMIT ? OFFSET ?",
                params);
    }

    /** Every row, for the export. */
    Sql all(String sortBy, boolean ascending) {
        List<Object> params = new ArrayList<>();
        String where = where(params, true);
        return new Sql(COLUMNS + FROM_ALL + where + orderBy(sortBy, ascending), params);
    }

    /** How many rows the list has, counted up to {@link Page#COUNT_CAP} + 1 ({@link Page#countedUpTo}). */
    Sql total() {
        List<Object> params = new ArrayList<>();
        String where = where(params, true);
        return new Sql(JdbcStatements.countUpTo("SELECT e.id" + from() + where), params);
    }

    /** Rows by shown status under the other conditions, in one grouped query. */
    Sql counts() {
        List<Object> params = new ArrayList<>();
        String shown = shownStatus(params);
        String where = where(params, false);
        return new Sql("SELECT shown, COUNT(*) FROM (SELECT " + shown + " AS shown" + from() + where + ") t"
                + " GROUP BY shown", params);
    }

    /**
     * How many rows each shown status has under the other conditions, each counted up to {@link Page#COUNT_CAP}
     * + 1, in one statement: a column per status of {@link #CAPPED_ORDER}. Counting a million rows exactly costs
     * more than the page (a scan of every index entry); a capped count reads at most cap + 1 entries of the
     * status index, or of the (program, status) index when a program is chosen.
     */
    Sql cappedCounts() {
        List<Object> params = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (CertificationStatus s : CAPPED_ORDER) {
            List<String> and = conditions(params, false);
            and.add(statusLiteral(s));
            columns.add("(SELECT COUNT(*) FROM (SELECT 1 AS one" + from() + " WHERE " + String.join(" AND ", and)
                    + " LIMIT " + (Page.COUNT_CAP + 1) + ") s)");
        }
        return new Sql("SELECT " + String.join(", ", columns), params);
    }

    /** The statuses of {@link #cappedCounts}, in the order of its columns. */
    static final List<CertificationStatus> CAPPED_ORDER = List.of(CertificationStatus.values());

    static boolean knownSort(String sortBy) {
        return sortBy == null || ORDER.containsKey(sortBy);
    }

    private String from() {
        // the counts of 1,000,000 enrollments join a view only when a condition reads it
        return " FROM enrollment_summary e" + (filter.text() != null ? " JOIN contact_summary c ON c.id = e.contact_id"
                : "") + (filter.programs().isEmpty() ? "" : " JOIN program_summary p ON p.id = e.program_id");
    }

    private String shownStatus(List<Object> params) {
        if (horizon == null) {
            return "e.status";
        }
        params.add(horizon);
        return "CASE WHEN e.status = 'ACTIVE' AND e.expires_on <= ? THEN 'EXPIRING' ELSE e.status END";
    }

    private String where(List<Object> params, boolean withStatuses) {
        List<String> and = conditions(params, withStatuses);
        return and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and);
    }

    private List<String> conditions(List<Object> params, boolean withStatuses) {
        List<String> and = new ArrayList<>();
        if (filter.text() != null) {
            and.add("(c.family_name_key LIKE ? ESCAPE '\\' OR c.external_id LIKE ? ESCAPE '\\')");
            params.add(JdbcStatements.startsWith(ContactNames.key(filter.text())));
            params.add(JdbcStatements.startsWith(filter.text()));
        }
        if (!filter.programs().isEmpty()) {
            and.add("p.code_key IN " + JdbcStatements.placeholders(filter.programs().size()));
            filter.programs().forEach(code -> params.add(code.strip().toUpperCase(Locale.ROOT)));
        }
        if (withStatuses && !filter.statuses().isEmpty()) {
            and.add("(" + filter.statuses().stream().sorted().map(s -> status(s, params))
                    .collect(Collectors.joining(" OR ")) + ")");
        }
        range(and, params, "e.enrolled_on", filter.enrolled());
        range(and, params, "e.earned_on", filter.earned());
        range(and, params, "e.expires_on", filter.expires());
        return and;
    }

    /**
     * The condition of one shown status with its values written in: the capped counts' statement then has a plan
     * of its own per status and horizon (exact estimates, no generic plan a prepared statement may switch to), and
     * an enum name and an ISO date are no user text.
     */
    private String statusLiteral(CertificationStatus s) {
        String day = horizon == null ? null : "DATE '" + horizon + "'";
        if (s == CertificationStatus.EXPIRING) {
            return day == null ? "1 = 0" : "(e.status = 'ACTIVE' AND e.expires_on <= " + day + ")";
        }
        if (s == CertificationStatus.ACTIVE && day != null) {
            return "(e.status = 'ACTIVE' AND (e.expires_on IS NULL OR e.expires_on > " + day + "))";
        }
        return "e.status = '" + s.name() + "'";
    }

    /** The condition of one shown status. */
    private String status(CertificationStatus s, List<Object> params) {
        if (s == CertificationStatus.EXPIRING) {
            if (horizon == null) {
                return "1 = 0";
            }
            params.add(horizon);
            return "(e.status = 'ACTIVE' AND e.expires_on <= ?)";
        }
        if (s == CertificationStatus.ACTIVE && horizon != null) {
            params.add(horizon);
            return "(e.status = 'ACTIVE' AND (e.expires_on IS NULL OR e.expires_on > ?))";
        }
        params.add(s.name());
        return "e.status = ?";
    }

    private static void range(List<String> and, List<Object> params, String column, DateRange r) {
        if (r.from() != null) {
            and.add(column + " >= ?");
            params.add(r.from());
        }
        if (r.to() != null) {
            and.add(column + " <= ?");
            params.add(r.to());
        }
    }

    private static String orderBy(String sortBy, boolean ascending) {
        String order = ORDER.get(sortBy == null ? TrackingService.SORT_NAME : sortBy);
        if (order == null) {
            throw new IllegalArgumentException("The list cannot be sorted by '" + sortBy + "'; use one of "
                    + String.join(", ", TrackingService.SORT_KEYS) + ".");
        }
        String dir = ascending ? " ASC" : " DESC";
        // the id last: a stable order, so pages neither repeat nor skip rows
        return " ORDER BY " + String.format(order, dir) + ", e.id" + dir;
    }
}
