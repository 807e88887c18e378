package org.certportal.completions.internal.ui;

import org.certportal.completions.api.CompletionPermissions;
import org.certportal.completions.api.CompletionService;
import org.certportal.programs.api.ProgramService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class ApprovalsContribution extends BasicViewContribution {
    private final CompletionService completions;
    private final ProgramService programs;
    private final OrganisationFormats formats;

    @Activate
    public ApprovalsContribution(@Reference CompletionService completions, @Reference ProgramService programs,
            @Reference OrganisationFormats formats) {
        super("approvals", "Approvals", CompletionPermissions.APPROVE, ApprovalsView.class, "Certification", 220,
                "vaadin:check-square-o");
        this.completions = completions;
        this.programs = programs;
        this.formats = formats;
    }

    @Override
    public ApprovalsView createView() {
        return new ApprovalsView(completions, programs, formats.dates());
    }
}
