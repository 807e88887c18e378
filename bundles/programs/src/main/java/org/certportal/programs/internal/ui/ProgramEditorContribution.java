package org.certportal.programs.internal.ui;

import java.util.Optional;

import org.certportal.programs.api.ProgramPermissions;
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

/**
 * One program at {@code programs/<id>}, or a new one at {@code programs/new}, below the list at
 * {@code programs}; a route parameter keeps it out of the menu. Links of the old {@code program/<id>}
 * form are sent on here ({@link OldProgramLinkContribution}).
 */
@Component(service = ViewContribution.class)
public class ProgramEditorContribution extends BasicViewContribution {
    static final String ROUTE = "programs";

    private final ProgramService programs;
    private final SecurityService security;
    private final OrganisationFormats formats;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ViewRegistry views;

    @Activate
    public ProgramEditorContribution(@Reference ProgramService programs, @Reference SecurityService security,
            @Reference OrganisationFormats formats) {
        super(ROUTE + "/:" + ProgramEditorView.ID_PARAMETER, "Program", ProgramPermissions.READ, ProgramEditorView.class,
                "Certification", 101, "vaadin:diploma");
        this.programs = programs;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public ProgramEditorView createView() {
        return new ProgramEditorView(programs, security, () -> Optional.ofNullable(views), formats.dates());
    }
}
