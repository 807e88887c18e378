package org.certportal.enrollments.internal.ui;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class EnrolleeContribution extends BasicViewContribution {
    public EnrolleeContribution() {
        super("enrollee", "Enrollee", EnrollmentPermissions.READ, EnrolleeView.class, "Certification", 210,
                "vaadin:user-card");
    }
}
