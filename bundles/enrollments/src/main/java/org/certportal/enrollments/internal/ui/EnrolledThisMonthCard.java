package org.certportal.enrollments.internal.ui;

import java.time.LocalDate;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: enrollments of every program enrolled this month, in the organisation's days. */
@Component(service = HomeCard.class)
public class EnrolledThisMonthCard implements HomeCard {
    private final EnrollmentService enrollments;

    @Activate
    public EnrolledThisMonthCard(@Reference EnrollmentService enrollments) {
        this.enrollments = enrollments;
    }

    @Override
    public String key() {
        return "enrollments-this-month";
    }

    @Override
    public String title() {
        return "Enrollments this month";
    }

    @Override
    public String description() {
        return "Enrolled since the 1st, all programs";
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
        return 200;
    }

    @Override
    public long value() {
        LocalDate today = enrollments.today();
        return enrollments.countEnrolled(today.withDayOfMonth(1), today);
    }
}
