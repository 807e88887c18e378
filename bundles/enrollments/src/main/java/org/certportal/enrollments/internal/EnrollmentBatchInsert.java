package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.certportal.enrollments.api.Enrollment;
import org.eclipse.persistence.jpa.JpaEntityManager;

/**
 * New enrollments as one JDBC batch on the transaction's own connection (thousands per action;
 * persisting entity by entity costs object building and change tracking per row for rows nobody
 * reads back). Ids come from the entity's sequence, so single and bulk inserts interleave.
 */
final class EnrollmentBatchInsert {
    static final String INSERT = "INSERT INTO enrollment (id, contact_id, program_id, rule_version, cycle, enrolled_on,"
            + " grace_period_begins, expires_on, earned_on, status, status_changed_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1)";
    private static final int BATCH = 1000;

    /** One row to insert. */
    record NewEnrollment(long contactId, long programId, int ruleVersion, EnrollmentRules.Terms terms) {
    }

    private EnrollmentBatchInsert() {
    }

    static List<Enrollment> insert(EntityManager em, List<NewEnrollment> rows, Instant now) {
        var session = em.unwrap(JpaEntityManager.class).getActiveSession();
        Connection connection = em.unwrap(Connection.class);
        // the column holds UTC wall-clock time, as the entity writes it
        Timestamp changed = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        List<Enrollment> inserted = new ArrayList<>(rows.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (NewEnrollment row : rows) {
                long id = ((Number) session.getNextSequenceNumberValue(EnrollmentEntity.class)).longValue();
                EnrollmentRules.Terms t = row.terms();
                insert.setLong(1, id);
                insert.setLong(2, row.contactId());
                insert.setLong(3, row.programId());
                insert.setInt(4, row.ruleVersion());
                insert.setInt(5, t.cycle());
                insert.setObject(6, t.dates().enrolledOn());
                insert.setObject(7, t.dates().gracePeriodBegins());
                insert.setObject(8, t.dates().expiresOn());
                insert.setString(9, t.status().name());
                insert.setTimestamp(10, changed);
                insert.addBatch();
                inserted.add(new Enrollment(id, row.contactId(), row.programId(), row.ruleVersion(), t.cycle(),
                        t.dates().enrolledOn(), t.dates().gracePeriodBegins(), t.dates().expiresOn(), null, t.status(),
                        now, 1));
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Enrolling failed: " + e.getMessage(), e);
        }
        return inserted;
    }
}
