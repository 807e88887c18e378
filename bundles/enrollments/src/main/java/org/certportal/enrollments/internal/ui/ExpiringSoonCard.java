package org.certportal.enrollments.internal.ui;

import java.time.LocalDate;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: certifications expiring within the next 30 days (today included). */
@Component(service = HomeCard.class)
public class ExpiringSoonCard extends BasicHomeCard {
    static final int DAYS = 30;
    private final EnrollmentService enrollments;

    @Activate
    public ExpiringSoonCard(@Reference EnrollmentService enrollments) {
        super("certifications-expiring", "Certifications expiring",
                "In the next " + DAYS + " days", EnrollmentPermissions.READ, "enrollments", 210);
        this.enrollments = enrollments;
    }

    @Override
    public long value() {
        LocalDate today = enrollments.today();
        return enrollments.countExpiring(today, today.plusDays(DAYS));
    }
}
