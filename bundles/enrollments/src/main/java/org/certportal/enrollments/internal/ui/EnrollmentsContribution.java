package org.certportal.enrollments.internal.ui;

import java.util.Optional;

import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.certportal.ui.spi.ViewRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

@Component(service = ViewContribution.class)
public class EnrollmentsContribution extends BasicViewContribution {
    private final EnrollmentService enrollments;
    private final ProgramService programs;
    private final ContactService contacts;
    private final SecurityService security;
    private final OrganisationFormats formats;

    /** The portal shell's, to link to the completions view when it is served; optional: the shell tracks this. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ViewRegistry views;

    @Activate
    public EnrollmentsContribution(@Reference EnrollmentService enrollments, @Reference ProgramService programs,
            @Reference ContactService contacts, @Reference SecurityService security,
            @Reference OrganisationFormats formats) {
        super("enrollments", "Enrollments", EnrollmentPermissions.READ, EnrollmentsView.class, "Certification", 200,
                "vaadin:users");
        this.enrollments = enrollments;
        this.programs = programs;
        this.contacts = contacts;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public EnrollmentsView createView() {
        return new EnrollmentsView(enrollments, programs, contacts, security, () -> Optional.ofNullable(views),
                formats.dates());
    }
}
