package org.certportal.tracking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stored reminder plans (table {@code tracking_reminder_plan}): a program's own under its id, the
 * organisation's default under {@value #DEFAULT_ID}.
 */
public final class ReminderPlans {
    /** The row of the organisation's default (program ids start at 1). */
    public static final long DEFAULT_ID = 0;

    /** One stored plan. */
    public record Stored(long programId, ReminderRules.Ladder ladder, String subject, String body) {
    }

    /** Every stored plan, read once (the daily expiry judges many enrollments by them). */
    public record All(Optional<Stored> organisationDefault, Map<Long, Stored> byProgram) {
        /** The plan a program's enrollees get: its own, else the default; empty when neither exists. */
        public Optional<Stored> forProgram(long programId) {
            Stored own = byProgram.get(programId);
            return own != null ? Optional.of(own) : organisationDefault;
        }

        /** The farthest step before expiry of any plan, to bound the daily selection. */
        public int maxBefore() {
            return stream().mapToInt(s -> s.ladder().maxBefore()).max().orElse(0);
        }

        public boolean anySteps() {
            return stream().anyMatch(s -> !s.ladder().isEmpty());
        }

        private java.util.stream.Stream<Stored> stream() {
            return java.util.stream.Stream.concat(organisationDefault.stream(), byProgram.values().stream());
        }
    }

    private ReminderPlans() {
    }

    public static All all(Connection c) throws SQLException {
        Stored def = null;
        Map<Long, Stored> byProgram = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT program_id, days_before, grace_days, subject, body"
                + " FROM tracking_reminder_plan"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Stored s = stored(rs);
                if (s.programId() == DEFAULT_ID) {
                    def = s;
                } else {
                    byProgram.put(s.programId(), s);
                }
            }
        }
        return new All(Optional.ofNullable(def), byProgram);
    }

    public static Optional<Stored> one(Connection c, long programId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT program_id, days_before, grace_days, subject, body"
                + " FROM tracking_reminder_plan WHERE program_id = ?")) {
            ps.setLong(1, programId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    /** Replaces the row of the program (or of the default). */
    static void save(Connection c, Stored plan, String savedBy, Instant at) throws SQLException {
        delete(c, plan.programId());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tracking_reminder_plan (program_id, days_before,"
                + " grace_days, subject, body, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, plan.programId());
            ps.setString(2, format(plan.ladder().daysBefore()));
            ps.setString(3, format(plan.ladder().graceDays()));
            ps.setString(4, plan.subject());
            ps.setString(5, plan.body());
            ps.setString(6, savedBy);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    static boolean delete(Connection c, long programId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM tracking_reminder_plan WHERE program_id = ?")) {
            ps.setLong(1, programId);
            return ps.executeUpdate() > 0;
        }
    }

    /** Days as stored and as the shell takes them: "90,60,30,7". */
    public static String format(List<Integer> days) {
        return days.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * Days from "90, 60,30 7" (commas or spaces); blank is none.
     *
     * @throws IllegalArgumentException naming what is not a number
     */
    public static List<Integer> parse(String days) {
        if (days == null || days.isBlank()) {
            return List.of();
        }
        return Arrays.stream(days.strip().split("[,\\s]+")).map(d -> {
            try {
                return Integer.valueOf(d);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + d + "' is not a number of days.");
            }
        }).toList();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getLong(1), new ReminderRules.Ladder(parse(rs.getString(2)), parse(rs.getString(3))),
                rs.getString(4), rs.getString(5));
    }
}
