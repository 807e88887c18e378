package org.certportal.tracking.internal.massdrop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.certportal.enrollments.api.EnrollmentDataOwner;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.tracking.internal.TrackingSchema;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Purging enrollments deletes what mass drops recorded of them, in the purge's transaction. */
@Component(service = EnrollmentDataOwner.class)
public class MassDropDataOwner implements EnrollmentDataOwner {
    private static final int BATCH = 1000;

    @Activate
    public MassDropDataOwner(@Reference TrackingSchema schema) {
        // the table exists before a purge can reach it
    }

    MassDropDataOwner() {
    }

    /** For the tests of other packages. */
    public static MassDropDataOwner forTests() {
        return new MassDropDataOwner();
    }

    @Override
    public void purge(Connection connection, List<Long> enrollmentIds) {
        try {
            for (int i = 0; i < enrollmentIds.size(); i += BATCH) {
                List<Long> part = enrollmentIds.subList(i, Math.min(enrollmentIds.size(), i + BATCH));
                try (PreparedStatement ps = JdbcStatements.prepare(connection, "DELETE FROM tracking_mass_drop_row"
                        + " WHERE enrollment_id IN " + JdbcStatements.placeholders(part.size()), part)) {
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("What mass drops recorded of the purged enrollments could not be deleted: "
                    + e.getMessage(), e);
        }
    }
}
