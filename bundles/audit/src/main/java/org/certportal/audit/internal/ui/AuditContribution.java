package org.certportal.audit.internal.ui;

import org.certportal.audit.api.AuditPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class AuditContribution extends BasicViewContribution {
    public AuditContribution() {
        super("audit", "Audit log", AuditPermissions.READ, AuditView.class, "Administration", 900,
                "vaadin:records");
    }
}
