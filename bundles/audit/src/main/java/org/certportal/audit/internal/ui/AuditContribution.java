package org.certportal.audit.internal.ui;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.AuditPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ViewContribution.class)
public class AuditContribution extends BasicViewContribution {
    private final AuditLog audit;

    @Activate
    public AuditContribution(@Reference AuditLog audit) {
        super("audit", "Audit log", AuditPermissions.READ, AuditView.class, "Administration", 900, "vaadin:records");
        this.audit = audit;
    }

    @Override
    public AuditView createView() {
        return new AuditView(audit);
    }
}
