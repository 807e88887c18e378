package org.certportal.programs.internal.ui;

import org.certportal.programs.api.ProgramPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

/** One program at {@code program/<id>}, or a new one at {@code program/new}; a route parameter keeps it out of the menu. */
@Component(service = ViewContribution.class)
public class ProgramEditorContribution extends BasicViewContribution {
    static final String ROUTE = "program";

    public ProgramEditorContribution() {
        super(ROUTE + "/:" + ProgramEditorView.ID_PARAMETER, "Program", ProgramPermissions.READ,
                ProgramEditorView.class, "Certification", 101, "vaadin:diploma");
    }
}
