package org.certportal.process.internal.ui;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.process.api.ProcessService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class ProcessCenterContribution extends BasicViewContribution {
    private final ProcessService processes;
    private final SecurityService security;

    @Activate
    public ProcessCenterContribution(@Reference ProcessService processes, @Reference SecurityService security) {
        super("processes", "Process Center", ProcessPermissions.READ, ProcessCenterView.class, "Processes", 700, "vaadin:cogs");
        this.processes = processes;
        this.security = security;
    }

    @Override
    public ProcessCenterView createView() {
        return new ProcessCenterView(processes, security);
    }
}
