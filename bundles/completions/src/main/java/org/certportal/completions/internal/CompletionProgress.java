package org.certportal.completions.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.enrollments.api.RequirementProgress;
import org.certportal.enrollments.api.RequirementState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The enrollments feature's progress, transcripts and trackers show these states. The enrollment
 * service checked its caller; a rejection shows with its reason.
 */
@Component
public class CompletionProgress implements RequirementProgress {
    private final JpaTemplate jpa;

    /** The schema is referenced so that its migration has run before the table is read. */
    @Activate
    public CompletionProgress(@Reference(target = "(osgi.unit.name=certportal-completions)") JpaTemplate jpa,
            @Reference CompletionsSchema migrated) {
        this.jpa = jpa;
    }

    @Override
    public Map<Long, RequirementState> states(long enrollmentId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                Map<Long, RequirementState> states = new HashMap<>();
                for (Completion cp : CompletionStore.ofEnrollment(em.unwrap(Connection.class), enrollmentId)) {
                    states.put(cp.requirementId(), state(cp));
                }
                return states;
            } catch (SQLException e) {
                throw new IllegalStateException("The completions could not be read: " + e.getMessage(), e);
            }
        });
    }

    static RequirementState state(Completion cp) {
        String status = cp.status() == CompletionStatus.REJECTED && cp.reason() != null
                ? cp.status().title() + ": " + cp.reason() : cp.status().title();
        return new RequirementState(status, cp.completedOn(), cp.grade());
    }
}
