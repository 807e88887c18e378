package org.certportal.enrollments.internal.ui;

import java.util.Set;

import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: applications waiting for a decision (submitted or under review), opening the Applications page. */
@Component(service = HomeCard.class)
public class ApplicationsWaitingCard extends BasicHomeCard {
    static final ApplicationFilter WAITING = new ApplicationFilter(null,
            Set.of(ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW), null, null, null);
    private final ApplicationService applications;

    @Activate
    public ApplicationsWaitingCard(@Reference ApplicationService applications) {
        super("applications-waiting", "Applications to decide", "Submitted or under review",
                EnrollmentPermissions.READ, "applications", 205);
        this.applications = applications;
    }

    @Override
    public long value() {
        return applications.count(WAITING);
    }
}
