package org.certportal.enrollments.internal.ui;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class PurgeContribution extends BasicViewContribution {
    public PurgeContribution() {
        super("enrollments-purge", "Purge enrollments", EnrollmentPermissions.PURGE, PurgeView.class, "Certification",
                290, "vaadin:trash");
    }
}
