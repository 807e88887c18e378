package org.certportal.persistence.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The small pieces every hand-written SQL statement needs, in one place: parameters bound in order
 * (the statement closed when binding fails), IN-list placeholders, and LIKE patterns that match user
 * text literally. For any number of ids, prefer one array parameter ({@code id = ANY(?)} bound to a
 * {@code Long[]}, one statement and one plan on H2 and PostgreSQL) to IN lists.
 */
public final class JdbcStatements {
    /** The escape character of {@link #escapeLike}: write {@code LIKE ? ESCAPE '\'} in the statement. */
    public static final char LIKE_ESCAPE = '\\';

    private JdbcStatements() {
    }

    /**
     * A statement with the parameters bound in order ({@code setObject}; an array binds as a SQL
     * array). Closes the statement when a parameter cannot be bound, so the caller owns it only on return.
     */
    public static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            try {
                ps.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * A count of the rows a query selects that stops at {@link Page#COUNT_CAP} + 1 rows, for
     * {@link Page#countedUpTo}: a list of a million rows is not counted to the end for a page of 50.
     *
     * @param select a SELECT without ORDER BY or LIMIT
     */
    public static String countUpTo(String select) {
        return "SELECT COUNT(*) FROM (" + select + " LIMIT " + (Page.COUNT_CAP + 1) + ") counted";
    }

    /** {@code (?,?,?)} for an IN list of n values. */
    public static String placeholders(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("An IN list needs at least one value: " + n);
        }
        return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    /** The text with {@code %}, {@code _} and the escape character escaped, for {@code LIKE ? ESCAPE '\'}. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching values that start with the text, taken literally: {@code LIKE ? ESCAPE '\'}. */
    public static String startsWith(String text) {
        return escapeLike(text) + "%";
    }
}
