package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.enrollments.api.Enrollment;

/** Transactions of the enrollments unit with SQL on their connection, and the reads every job shares. */
final class EnrollmentStore {
    private final JpaTemplate jpa;

    EnrollmentStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    JpaTemplate jpa() {
        return jpa;
    }

    /** SQL on the connection of a transaction of this unit (joining the caller's when there is one). */
    <R> R sql(SqlWork<R> work) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException("The enrollments could not be read or written: " + e.getMessage(), e);
            }
        });
    }

    /** The enrollment as stored now, in one read. */
    static Enrollment existing(Connection c, long enrollmentId) throws SQLException {
        List<Enrollment> found = EnrollmentQueries.byIds(c, List.of(enrollmentId));
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No enrollment with id " + enrollmentId + ".");
        }
        return found.get(0);
    }

    /** The same, refused when someone changed it since the caller read it at {@code expectedVersion}. */
    static Enrollment current(Connection c, long enrollmentId, long expectedVersion) throws SQLException {
        return unchanged(existing(c, enrollmentId), expectedVersion);
    }

    static Enrollment unchanged(Enrollment e, long expectedVersion) {
        if (e.version() != expectedVersion) {
            throw new ConcurrentModificationException("The enrollment was changed by someone else since you opened"
                    + " it; reload it and make your change again.");
        }
        return e;
    }

    /** No ids, or a gap among them. */
    static boolean missing(List<Long> ids) {
        return ids == null || ids.isEmpty() || ids.stream().anyMatch(Objects::isNull);
    }

    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }
}
