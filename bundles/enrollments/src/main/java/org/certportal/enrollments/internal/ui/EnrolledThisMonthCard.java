package org.certportal.enrollments.internal.ui;

import java.time.LocalDate;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: enrollments of every program enrolled this month, in the organisation's days. */
@Component(service = HomeCard.class)
public class EnrolledThisMonthCard extends BasicHomeCard {
    private final EnrollmentService enrollments;

    @Activate
    public EnrolledThisMonthCard(@Reference EnrollmentService enrollments) {
        super("enrollments-this-month", "Enrollments this month",
                "Enrolled since the 1st, all programs", EnrollmentPermissions.READ, "enrollments", 200);
        this.enrollments = enrollments;
    }

    @Override
    public long value() {
        LocalDate today = enrollments.today();
        return enrollments.countEnrolled(today.withDayOfMonth(1), today);
    }
}
