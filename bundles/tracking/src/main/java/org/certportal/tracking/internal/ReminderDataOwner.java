package org.certportal.tracking.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.certportal.enrollments.api.EnrollmentDataOwner;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Purging enrollments deletes the reminders handled for them, in the purge's transaction. */
@Component
public class ReminderDataOwner implements EnrollmentDataOwner {

    /** The schema is referenced so that its migration has run before the table is touched. */
    @Activate
    public ReminderDataOwner(@Reference TrackingSchema migrated) {
        // nothing to keep: the purge hands over its connection
    }

    @Override
    public void purge(Connection connection, List<Long> enrollmentIds) {
        try {
            ReminderLog.deleteOfEnrollments(connection, enrollmentIds);
        } catch (SQLException e) {
            throw new IllegalStateException("The reminders of the purged enrollments could not be deleted: "
                    + e.getMessage(), e);
        }
    }
}
