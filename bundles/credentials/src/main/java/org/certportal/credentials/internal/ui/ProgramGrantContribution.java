package org.certportal.credentials.internal.ui;

import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.credentials.api.CredentialService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The page that sets which credential type a program grants (reached from the program's page, not the menu). */
@Component(service = ViewContribution.class)
public class ProgramGrantContribution extends BasicViewContribution {
    private final CredentialService credentials;
    private final OrganisationFormats formats;

    @Activate
    public ProgramGrantContribution(@Reference CredentialService credentials,
            @Reference OrganisationFormats formats) {
        super(ProgramGrantView.ROUTE_PREFIX + ":" + ProgramGrantView.PROGRAM_PARAMETER, "Credential granted",
                CredentialPermissions.GRANT, ProgramGrantView.class, "Student records", 310, "vaadin:diploma-scroll");
        this.credentials = credentials;
        this.formats = formats;
    }

    @Override
    public ProgramGrantView createView() {
        return new ProgramGrantView(credentials, formats.dates());
    }
}
