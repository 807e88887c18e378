package org.certportal.completions.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.certportal.enrollments.api.EnrollmentDataOwner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Purging enrollments deletes their completions and files, in the purge's transaction (it audits per enrollment). */
@Component
public class CompletionDataOwner implements EnrollmentDataOwner {

    /** The schema is referenced so that its migration has run before the tables are touched. */
    @Activate
    public CompletionDataOwner(@Reference CompletionsSchema migrated) {
        // nothing to keep: the purge hands over its connection
    }

    @Override
    public void purge(Connection connection, List<Long> enrollmentIds) {
        try {
            CompletionStore.deleteOfEnrollments(connection, enrollmentIds);
        } catch (SQLException e) {
            throw new IllegalStateException("The completions of the purged enrollments could not be deleted: "
                    + e.getMessage(), e);
        }
    }
}
