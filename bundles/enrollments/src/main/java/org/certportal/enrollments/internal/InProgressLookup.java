package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.security.api.SecurityService;

/**
 * The enrollments in progress of many contacts in one program, in one read: other features (an
 * import of completions naming 100,000 people) ask once per program instead of once per person.
 */
final class InProgressLookup {
    private final JpaTemplate jpa;
    private final SecurityService security;

    InProgressLookup(JpaTemplate jpa, SecurityService security) {
        this.jpa = jpa;
        this.security = security;
    }

    Map<Long, Enrollment> find(long programId, Collection<Long> contactIds) {
        security.require(EnrollmentPermissions.READ);
        List<Long> distinct = contactIds.stream().filter(Objects::nonNull).distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return EnrollmentQueries.inProgress(em.unwrap(Connection.class), programId, distinct);
            } catch (SQLException e) {
                throw new IllegalStateException("Reading enrollments failed: " + e.getMessage(), e);
            }
        });
    }
}
