package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.certportal.credentials.api.UsageEvent;
import org.certportal.credentials.api.UsageKind;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/** The usage events of the credentials page in the area's own table {@code credential_usage_event}. */
final class UsageEvents {
    private UsageEvents() {
    }

    static Void record(Connection c, long id, UsageKind kind, String user, Instant at, Long runId)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_usage_event (id, kind, user_name,"
                + " occurred_at, run_id) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, kind.name());
            ps.setString(3, user);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setObject(5, runId);
            ps.executeUpdate();
        }
        return null;
    }

    /** Newest first; since (inclusive) when given; counted up to {@link Page#COUNT_CAP}. */
    static Page<UsageEvent> page(Connection c, Instant since, PageRequest page) throws SQLException {
        String where = since == null ? "" : " WHERE occurred_at >= ?";
        long total;
        // counted up to the cap: years of page views are not counted for a page of fifty
        try (PreparedStatement ps = c.prepareStatement(JdbcStatements.countUpTo("SELECT id FROM credential_usage_event"
                + where))) {
            if (since != null) {
                ps.setTimestamp(1, Timestamp.from(since));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<UsageEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, kind, user_name, occurred_at, run_id"
                + " FROM credential_usage_event" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")) {
            int i = 1;
            if (since != null) {
                ps.setTimestamp(i++, Timestamp.from(since));
            }
            ps.setInt(i++, page.limit());
            ps.setInt(i, page.offset());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long run = rs.getLong(5);
                    Long runId = rs.wasNull() ? null : run;
                    events.add(new UsageEvent(rs.getLong(1), UsageKind.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), runId));
                }
            }
        }
        return Page.countedUpTo(events, total);
    }
}
