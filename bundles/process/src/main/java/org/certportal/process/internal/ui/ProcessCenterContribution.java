package org.certportal.process.internal.ui;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class ProcessCenterContribution extends BasicViewContribution {
    public ProcessCenterContribution() {
        super("processes", "Process Center", ProcessPermissions.READ, ProcessCenterView.class, "Processes", 700,
                "vaadin:cogs");
    }
}
