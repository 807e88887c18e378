package org.certportal.completions.internal.ui;

import org.certportal.completions.api.CompletionPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class ApprovalsContribution extends BasicViewContribution {
    public ApprovalsContribution() {
        super("approvals", "Approvals", CompletionPermissions.APPROVE, ApprovalsView.class, "Certification", 220,
                "vaadin:check-square-o");
    }
}
