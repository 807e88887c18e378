package org.certportal.enrollments.internal.ui;

import java.time.LocalDate;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: certifications expiring within the next 30 days (today included). */
@Component(service = HomeCard.class)
public class ExpiringSoonCard implements HomeCard {
    static final int DAYS = 30;
    private final EnrollmentService enrollments;

    @Activate
    public ExpiringSoonCard(@Reference EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public String key() {
        return "certifications-expiring";
    }

    @Override
    public String title() {
        return "Certifications expiring";
    }

    @Override
    public String description() {
        return "In the next " + DAYS + " days";
    }

    @Override
    public String permission() {
        return EnrollmentPermissions.READ;
    }

    @Override
    public String route() {
        return "enrollments";
    }

    @Override
    public int order() {
        return 210;
    }

    @Override
    public long value() {
        LocalDate today = enrollments.today();
        return enrollments.countExpiring(today, today.plusDays(DAYS));
    }
}
