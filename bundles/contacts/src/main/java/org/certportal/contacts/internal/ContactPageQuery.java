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

    private ContactPageQuery() {
    }

    /** @param sortColumn an indexed column of the contact table */
    static Page<Contact> page(Connection c, ContactSearch search, String sortColumn, PageRequest page)
            throws SQLException {
        String direction = page.ascending() ? " ASC" : " DESC";
        String order = " ORDER BY " + sortColumn + direction + ", id" + direction;
        List<Object> params = new ArrayList<>();
        String sql;
        if (search.branches().size() <= 1) {
            String where = "";
            if (!search.branches().isEmpty()) {
                where = " WHERE " + search.branches().get(0).condition();
                params.addAll(search.branches().get(0).parameters());
            }
            sql = "SELECT " + COLUMNS + " FROM contact" + where + order + " LIMIT ? OFFSET ?";
        } else {
            List<String> branches = new ArrayList<>();
            for (ContactSearch.Branch b : search.branches()) {
                branches.add("(SELECT " + COLUMNS + ", " + sortColumn + " AS sort_key FROM contact WHERE "
                        + b.condition() + order + " LIMIT ?)");
                params.addAll(b.parameters());
                params.add(page.offset() + page.limit());
            }
            sql = "SELECT " + COLUMNS + " FROM (" + String.join(" UNION ", branches) + ") matches ORDER BY sort_key"
                    + direction + ", id" + direction + " LIMIT ? OFFSET ?";
        }
        params.add(page.limit());
        params.add(page.offset());
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
     * The matches, counted up to the cap + 1: each branch reads at most that many ids from its index,
     * and their union is exact whenever none of them reached it.
     */
    private static long countUpTo(Connection c, ContactSearch search) throws SQLException {
        int enough = Page.COUNT_CAP + 1;
        List<Object> params = new ArrayList<>();
        String union;
        if (search.branches().isEmpty()) {
            union = "SELECT id FROM contact LIMIT " + enough;
        } else {
            union = search.branches().stream().map(b -> "(SELECT id FROM contact WHERE " + b.condition() + " LIMIT "
                    + enough + ")").collect(Collectors.joining(" UNION "));
            search.branches().forEach(b -> params.addAll(b.parameters()));
        }
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM (" + union + ") matches", params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
