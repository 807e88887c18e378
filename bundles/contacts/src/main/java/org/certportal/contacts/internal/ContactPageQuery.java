package org.certportal.contacts.internal;

import static org.certportal.persistence.api.JdbcStatements.prepare;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.certportal.contacts.api.Contact;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/**
 * A page of a contact search in SQL, shaped so that a million contacts cost what fifty do: each
 * branch of the search ({@link ContactSearch}) reads at most offset + limit rows in the page's order
 * (an index on its prefix column, or on the sort column, stops early), their union is sorted once,
 * and the count stops at {@link Page#COUNT_CAP}. One OR over every branch would make the database
 * find and sort every match for a page of fifty.
 */
final class ContactPageQuery {
    private static final String COLUMNS = "id, given_name, family_name, email, birth_date, external_id, version";
    private static final String JOINED_COLUMNS = "c.id, c.given_name, c.family_name, c.email, c.birth_date,"
            + " c.external_id, c.version";

    private ContactPageQuery() {
    }

    /** @param sortColumn an indexed column of the contact table */
    static Page<Contact> page(Connection c, ContactSearch search, String sortColumn, PageRequest page)
            throws SQLException {
        String direction = page.ascending() ? " ASC" : " DESC";
        String order = " ORDER BY " + sortColumn + direction + ", id" + direction;
        List<Object> params = new ArrayList<>();
        String sql;
        if (search.branches().isEmpty()) {
            sql = "SELECT " + COLUMNS + " FROM contact" + order + " LIMIT ? OFFSET ?";
            params.add(page.limit());
            params.add(page.offset());
        } else {
            // ids and sort keys only until the page is chosen: narrow rows to merge, on PostgreSQL read from
            // the indexes alone (each prefix index carries the family name key, see contacts-5)
            List<String> branches = new ArrayList<>();
            for (ContactSearch.Branch b : search.branches()) {
                branches.add("SELECT id, " + sortColumn + " AS sort_key FROM contact WHERE " + b.condition() + order
                        + " LIMIT ?");
                params.addAll(b.parameters());
                params.add(page.offset() + page.limit());
            }
            params.add(page.limit());
            params.add(page.offset());
            String pageOrder = " ORDER BY sort_key" + direction + ", id" + direction;
            sql = "SELECT " + JOINED_COLUMNS + " FROM contact c JOIN (SELECT id, sort_key FROM ("
                    + union(branches) + ") matches" + pageOrder + " LIMIT ? OFFSET ?) p ON p.id = c.id"
                    + pageOrder.replace("sort_key", "p.sort_key").replace(", id", ", p.id");
        }
        List<Contact> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7)));
            }
        }
        // a page that is not full ends the list: its total needs no count
        if (rows.size() < page.limit() && (!rows.isEmpty() || page.offset() == 0)) {
            return new Page<>(rows, page.offset() + rows.size());
        }
        return Page.countedUpTo(rows, countUpTo(c, search));
    }

    /**
     * The matches, counted up to the cap + 1: each branch reads at most that many ids from its index.
     * One branch past the cap settles it (the first is the family name's, usually the largest);
     * otherwise the union of the branches, none of which reached the cap, is exact.
     */
    private static long countUpTo(Connection c, ContactSearch search) throws SQLException {
        if (search.branches().isEmpty()) {
            return count(c, JdbcStatements.countUpTo("SELECT id FROM contact"), List.of());
        }
        int enough = Page.COUNT_CAP + 1;
        if (search.branches().size() > 1) {
            for (ContactSearch.Branch b : search.branches()) {
                long counted = count(c, JdbcStatements.countUpTo("SELECT id FROM contact WHERE " + b.condition()),
                        b.parameters());
                if (counted >= enough) {
                    return counted;
                }
            }
        }
        List<Object> params = new ArrayList<>();
        search.branches().forEach(b -> params.addAll(b.parameters()));
        return count(c, "SELECT COUNT(*) FROM (" + union(search.branches().stream().map(b -> "SELECT id FROM contact"
                + " WHERE " + b.condition() + " LIMIT " + enough).toList()) + ") matches", params);
    }

    /** One select as it is, several as the UNION of each in parentheses (each has its own ORDER BY, LIMIT). */
    private static String union(List<String> selects) {
        return selects.size() == 1 ? selects.get(0)
                : selects.stream().map(q -> "(" + q + ")").collect(Collectors.joining(" UNION "));
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
