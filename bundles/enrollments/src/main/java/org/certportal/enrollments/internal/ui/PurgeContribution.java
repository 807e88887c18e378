package org.certportal.enrollments.internal.ui;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.programs.api.ProgramService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class PurgeContribution extends BasicViewContribution {
    private final EnrollmentService enrollments;
    private final ProgramService programs;
    private final OrganisationFormats formats;

    @Activate
    public PurgeContribution(@Reference EnrollmentService enrollments, @Reference ProgramService programs,
            @Reference OrganisationFormats formats) {
        super("enrollments-purge", "Purge enrollments", EnrollmentPermissions.PURGE, PurgeView.class, "Certification",
                290, "vaadin:trash");
        this.enrollments = enrollments;
        this.programs = programs;
        this.formats = formats;
    }

    @Override
    public PurgeView createView() {
        return new PurgeView(enrollments, programs, formats.dates());
    }
}
