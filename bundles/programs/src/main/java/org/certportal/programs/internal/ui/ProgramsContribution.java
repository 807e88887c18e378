package org.certportal.programs.internal.ui;

import org.certportal.programs.api.ProgramPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class ProgramsContribution extends BasicViewContribution {
    public ProgramsContribution() {
        super("programs", "Programs", ProgramPermissions.READ, ProgramsView.class, "Certification", 100,
                "vaadin:diploma");
    }
}
