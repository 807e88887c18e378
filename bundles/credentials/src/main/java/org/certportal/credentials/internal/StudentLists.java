package org.certportal.credentials.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.process.api.ProcessParameters;

/**
 * Lists of student identifiers too long for a process parameter, stored for the award run that names
 * them ({@link AwardParameters#STUDENT_LIST}); a run's selection reads its list once, when it starts.
 */
final class StudentLists {
    /** More identifiers than one search takes: the count binds one value per identifier. */
    static final int MAX_IDS = 10_000;

    private StudentLists() {
    }

    static long store(Connection c, long id, List<String> ids, String actor, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_student_list (id, size, created_by,"
                + " created_at) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, ids.size());
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_student_list_entry (list_id, position,"
                + " external_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(1, id);
                ps.setInt(2, i);
                ps.setString(3, ids.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    static List<String> read(Connection c, long listId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT external_id FROM credential_student_list_entry"
                + " WHERE list_id = ? ORDER BY position")) {
            ps.setLong(1, listId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("There is no stored list of student identifiers " + listId + ".");
        }
        return ids;
    }

    /** A run's criteria with its stored list's identifiers, when it names one. */
    static AwardCriteria criteria(Connection c, ProcessParameters p) throws SQLException {
        AwardCriteria criteria = AwardParameters.criteria(p);
        Optional<Long> list = p.integer(AwardParameters.STUDENT_LIST);
        if (list.isEmpty()) {
            return criteria;
        }
        return new AwardCriteria(criteria.typeCode(), criteria.session(), criteria.issuingBodyCode(),
                criteria.achievedFrom(), criteria.achievedTo(), read(c, list.get()));
    }
}
