package org.certportal.process.internal.ui;

import java.util.Optional;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessService;
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
public class ProcessCenterContribution extends BasicViewContribution {
    private final ProcessService processes;
    private final SecurityService security;
    private final OrganisationFormats formats;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ViewRegistry views;

    @Activate
    public ProcessCenterContribution(@Reference ProcessService processes, @Reference SecurityService security,
            @Reference OrganisationFormats formats) {
        super("processes", "Process Center", ProcessPermissions.READ, ProcessCenterView.class, "Processes", 700, "vaadin:cogs");
        this.processes = processes;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public ProcessCenterView createView() {
        return new ProcessCenterView(processes, security, () -> Optional.ofNullable(views), formats.dates());
    }
}
