package org.certportal.programs.internal.ui;

import org.certportal.programs.api.ProgramPermissions;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class ProgramsContribution extends BasicViewContribution {
    private final ProgramService programs;
    private final SecurityService security;

    @Activate
    public ProgramsContribution(@Reference ProgramService programs, @Reference SecurityService security) {
        super("programs", "Programs", ProgramPermissions.READ, ProgramsView.class, "Certification", 100, "vaadin:diploma");
        this.programs = programs;
        this.security = security;
    }

    @Override
    public ProgramsView createView() {
        return new ProgramsView(programs, security);
    }
}
