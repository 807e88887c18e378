package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.programs.api.ProgramUsage;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the programs feature how many current enrollees a rule version has. A component of its own,
 * without the program service, so that programs and enrollments do not wait for each other.
 */
@Component
public class EnrollmentUsage implements ProgramUsage {
    private final JpaTemplate jpa;
    private final SecurityService security;

    @Activate
    public EnrollmentUsage(@Reference(target = "(osgi.unit.name=certportal-enrollments)") JpaTemplate jpa,
            @Reference SecurityService security, @Reference SchemaMigrator migrator) {
        // the table must exist before the first count, whichever component starts first (migrating twice is a no-op)
        migrator.migrate(EnrollmentUsage.class, EnrollmentServiceImpl.CHANGELOG);
        this.jpa = jpa;
        this.security = security;
    }

    @Override
    public long currentEnrollees(long programId, int ruleVersion) {
        security.require(EnrollmentPermissions.READ);
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return EnrollmentQueries.currentEnrollees(em.unwrap(Connection.class), programId, ruleVersion);
            } catch (SQLException e) {
                throw new IllegalStateException("Counting enrollees failed: " + e.getMessage(), e);
            }
        });
    }
}
