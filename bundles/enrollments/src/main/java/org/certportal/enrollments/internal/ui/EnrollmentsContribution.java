package org.certportal.enrollments.internal.ui;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class EnrollmentsContribution extends BasicViewContribution {
    public EnrollmentsContribution() {
        super("enrollments", "Enrollments", EnrollmentPermissions.READ, EnrollmentsView.class, "Certification", 200,
                "vaadin:users");
    }
}
