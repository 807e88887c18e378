package org.certportal.masscert.internal.ui;

import org.certportal.accounting.api.AccountingService;
import org.certportal.masscert.api.MassCertPermissions;
import org.certportal.masscert.api.MassCertService;
import org.certportal.process.api.ProcessService;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The mass-certification form at {@code masscert}, in the Processes menu group. */
@Component(service = ViewContribution.class)
public class MassCertContribution extends BasicViewContribution {
    public static final String ROUTE = "masscert";
    private final MassCertService masscert;
    private final ProcessService processes;
    private final ProgramService programs;
    private final AccountingService accounting;
    private final SecurityService security;
    private final OrganisationFormats formats;

    @Activate
    public MassCertContribution(@Reference MassCertService masscert, @Reference ProcessService processes,
            @Reference ProgramService programs, @Reference AccountingService accounting,
            @Reference SecurityService security, @Reference OrganisationFormats formats) {
        super(ROUTE, "Mass certification", MassCertPermissions.RUN, MassCertView.class, "Processes", 710,
                "vaadin:diploma");
        this.masscert = masscert;
        this.processes = processes;
        this.programs = programs;
        this.accounting = accounting;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public MassCertView createView() {
        return new MassCertView(masscert, processes, programs, accounting, security, formats.dates());
    }
}
