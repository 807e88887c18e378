package org.certportal.credentials.internal.ui;

import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.credentials.api.CredentialService;
import org.certportal.process.api.ProcessService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The credentials page (award and order in three steps), with the services it calls. */
@Component(service = ViewContribution.class)
public class CredentialsContribution extends BasicViewContribution {
    private final CredentialService credentials;
    private final ProcessService processes;
    private final SecurityService security;
    private final OrganisationFormats formats;

    @Activate
    public CredentialsContribution(@Reference CredentialService credentials, @Reference ProcessService processes,
            @Reference SecurityService security, @Reference OrganisationFormats formats) {
        super(AwardSteps.ROUTE, "Credentials", CredentialPermissions.AWARD, CredentialsView.class, "Student records",
                300, "vaadin:diploma-scroll");
        this.credentials = credentials;
        this.processes = processes;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public CredentialsView createView() {
        return new CredentialsView(credentials, processes, security.isPermitted(CredentialPermissions.USAGE),
                formats.dates());
    }
}
