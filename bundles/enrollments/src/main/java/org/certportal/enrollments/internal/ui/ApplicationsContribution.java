package org.certportal.enrollments.internal.ui;

import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class ApplicationsContribution extends BasicViewContribution {
    private final ApplicationService applications;
    private final ProgramService programs;
    private final SecurityService security;
    private final OrganisationFormats formats;

    @Activate
    public ApplicationsContribution(@Reference ApplicationService applications, @Reference ProgramService programs,
            @Reference SecurityService security, @Reference OrganisationFormats formats) {
        super("applications", "Applications", EnrollmentPermissions.READ, ApplicationsView.class, "Certification", 212,
                "vaadin:clipboard-check");
        this.applications = applications;
        this.programs = programs;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public ApplicationsView createView() {
        return new ApplicationsView(applications, programs, security, formats.dates());
    }
}
