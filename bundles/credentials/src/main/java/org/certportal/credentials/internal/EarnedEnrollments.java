package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Achieved credentials from earned enrollments in programs that grant a credential type
 * ({@code credential_program_grant}). Enrollments and programs are read through their published views
 * {@code enrollment_summary} and {@code program_summary} only. An earning is an enrollment's cycle with an
 * earned date; it gives one achieved credential (type and school or authority from the grant, achieved on
 * the earned date, the program's code as its session), at most once: the unique key (enrollment, cycle) and
 * the lock on {@code credential_grant_sync} taken first, so two syncs at the same time never insert the same
 * earning. The sync runs after the earning, not in its transaction (enrollments know nothing of
 * credentials), and before every search of the award, so nothing that looks for pending credentials misses
 * one.
 */
final class EarnedEnrollments {
    private static final int BATCH = 1000;

    private EarnedEnrollments() {
    }

    /** @return how many achieved credentials were added */
    static int sync(Connection c, NumberBlocks ids, Instant now) throws SQLException {
        if (!any(c, "SELECT 1 FROM credential_program_grant") || !relationExists(c, "enrollment_summary")) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE credential_grant_sync SET synced_at = ? WHERE id = 1")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.executeUpdate();
        }
        // an earning undone in the same cycle (a reverted status change) takes its pending credential with it
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM achieved_credential WHERE status = 'PENDING'"
                + " AND enrollment_id IS NOT NULL AND EXISTS (SELECT 1 FROM enrollment_summary e"
                + " WHERE e.id = achieved_credential.enrollment_id AND e.cycle = achieved_credential.enrollment_cycle"
                + " AND e.earned_on IS NULL)")) {
            ps.executeUpdate();
        }
        int added = 0;
        Timestamp created = Timestamp.from(now);
        try (PreparedStatement select = c.prepareStatement("SELECT e.id, e.cycle, e.contact_id, e.earned_on,"
                + " g.type_id, g.issuing_body_id, p.code FROM credential_program_grant g"
                + " JOIN enrollment_summary e ON e.program_id = g.program_id"
                + " JOIN program_summary p ON p.id = g.program_id"
                + " WHERE e.earned_on IS NOT NULL AND e.earned_on >= g.earned_from"
                + " AND NOT EXISTS (SELECT 1 FROM achieved_credential a WHERE a.enrollment_id = e.id"
                + " AND a.enrollment_cycle = e.cycle)"
                // the student already has this credential achieved that day (imported, or from another program)
                + " AND NOT EXISTS (SELECT 1 FROM achieved_credential a WHERE a.contact_id = e.contact_id"
                + " AND a.type_id = g.type_id AND a.achieved_on = e.earned_on) ORDER BY e.id");
                PreparedStatement insert = c.prepareStatement("INSERT INTO achieved_credential (id, contact_id,"
                        + " type_id, achieved_on, exam_session, issuing_body_id, status, created_at, enrollment_id,"
                        + " enrollment_cycle) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)")) {
            select.setFetchSize(BATCH);
            Set<String> seen = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long contact = rs.getLong(3);
                    LocalDate earnedOn = rs.getObject(4, LocalDate.class);
                    // two granting programs of one type earned the same day by one student: one credential
                    if (!seen.add(contact + "/" + rs.getLong(5) + "/" + earnedOn)) {
                        continue;
                    }
                    insert.setLong(1, Sequences.id(ids, c));
                    insert.setLong(2, contact);
                    insert.setLong(3, rs.getLong(5));
                    insert.setObject(4, earnedOn);
                    insert.setString(5, shorten(rs.getString(7), 32));
                    insert.setLong(6, rs.getLong(6));
                    insert.setTimestamp(7, created);
                    insert.setLong(8, rs.getLong(1));
                    insert.setInt(9, rs.getInt(2));
                    insert.addBatch();
                    if (++added % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            if (added % BATCH != 0) {
                insert.executeBatch();
            }
        }
        return added;
    }

    private static boolean any(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Whether a table or view exists (the enrollments feature may not be installed). */
    static boolean relationExists(Connection c, String name) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String n : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, null, n, new String[] {"TABLE", "VIEW"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String shorten(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
