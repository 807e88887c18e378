package org.certportal.tracking.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.api.StatusDetail;
import org.certportal.tracking.api.TrackingRow;
import org.certportal.tracking.api.TrackingService;
import org.certportal.tracking.internal.FilterQuery;

@Command(scope = "tracking", name = "set-status", description = "Sets an enrollment's status by hand, with a reason",
        detailedDescription = "STATUS is declined, inactive, not-completed or cancelled; for an enrollment in admin"
                + " review, active approves and not-completed rejects. The status rules decide; the change is audited.")
@Service
public class SetStatusCommand implements Action {
    @Reference
    TrackingService tracking;

    @Option(name = "--reason", description = "why (required; kept in the status history)", required = true)
    String reason;

    @Argument(index = 0, name = "ENROLLMENT", description = "the enrollment's id", required = true)
    long enrollmentId;

    @Argument(index = 1, name = "STATUS", description = "the new status", required = true)
    @Completion(StatusCompleter.class)
    String status;

    @Override
    public Object execute() {
        CertificationStatus to = FilterQuery.status(status);
        StatusDetail detail = tracking.detail(enrollmentId);
        TrackingRow row = detail.row();
        TrackingRow after;
        if (row.status() == CertificationStatus.ADMIN_REVIEW && (to == CertificationStatus.ACTIVE
                || to == CertificationStatus.NOT_COMPLETED)) {
            after = tracking.resolveReview(enrollmentId, row.version(), to == CertificationStatus.ACTIVE, reason);
        } else {
            after = tracking.setStatus(enrollmentId, row.version(), to, reason);
        }
        System.out.printf("Enrollment %d (%s, %s): %s → %s%n", enrollmentId, after.contactName(), after.programCode(),
                row.status().title(), after.status().title());
        return null;
    }
}
