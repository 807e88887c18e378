package org.certportal.completions.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers shared by the stores. */
final class Sql {
    /** Ids per IN list: well below every driver's parameter limit. */
    static final int IN_CHUNK = 1000;

    private Sql() {
    }

    /** Columns hold UTC wall-clock time. */
    static Timestamp utc(Instant instant) {
        return instant == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static String placeholders(int n) {
        return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    static PreparedStatement prepare(Connection c, String sql, List<?> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            parts.add(all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
        }
        return parts;
    }

    /** A LIKE pattern matching the text as a prefix, with '!' escaping the wildcards. */
    static String prefixPattern(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
