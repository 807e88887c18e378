package org.certportal.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certportal.tracking.api.SavedFilter;
import org.certportal.tracking.api.TrackingFilter;

/** The saved filters table: each user's filters by name, stored as the page's query string. */
final class SavedFilters {
    static final int MAX_NAME = 100;
    /** More than anyone keeps; stops a loop from filling the table. */
    static final int MAX_PER_USER = 200;

    private SavedFilters() {
    }

    static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Give the filter a name.");
        }
        if (n.length() > MAX_NAME) {
            throw new IllegalArgumentException("The name is too long: at most " + MAX_NAME + " characters.");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The name must be one line without control characters.");
        }
        return n;
    }

    static List<SavedFilter> of(Connection c, String owner) throws SQLException {
        List<SavedFilter> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, query, saved_at FROM tracking_saved_filter"
                + " WHERE owner = ? ORDER BY name, id")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new SavedFilter(rs.getLong(1), rs.getString(2), parse(rs.getString(3)),
                            rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return found;
    }

    /**
     * A stored filter; one a later version no longer reads (a condition dropped) keeps its name and
     * matches everything, so its owner can still find, replace or delete it.
     */
    private static TrackingFilter parse(String query) {
        try {
            return FilterQuery.parse(query);
        } catch (IllegalArgumentException e) {
            return TrackingFilter.ALL;
        }
    }

    /** Replaces the owner's filter of that name, or adds it. */
    static SavedFilter save(Connection c, String owner, String name, String query, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE tracking_saved_filter SET query = ?, saved_at = ?"
                + " WHERE owner = ? AND name = ?")) {
            ps.setString(1, query);
            ps.setTimestamp(2, at);
            ps.setString(3, owner);
            ps.setString(4, name);
            if (ps.executeUpdate() == 0) {
                if (count(c, owner) >= MAX_PER_USER) {
                    throw new IllegalArgumentException("You have " + MAX_PER_USER + " saved filters; delete some first.");
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO tracking_saved_filter (owner, name,"
                        + " query, saved_at) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, owner);
                    insert.setString(2, name);
                    insert.setString(3, query);
                    insert.setTimestamp(4, at);
                    insert.executeUpdate();
                }
            }
        }
        return find(c, owner, name).orElseThrow();
    }

    static void delete(Connection c, String owner, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tracking_saved_filter WHERE id = ? AND owner = ?")) {
            ps.setLong(1, id);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    private static Optional<SavedFilter> find(Connection c, String owner, String name) throws SQLException {
        return of(c, owner).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static long count(Connection c, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM tracking_saved_filter WHERE owner = ?")) {
            ps.setString(1, owner);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
