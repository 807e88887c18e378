package org.certportal.completions.internal.ui;

import org.certportal.completions.api.CompletionPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

/** An enrollee's progress with the completions to record; opened from an enrollment (no menu entry). */
@Component(service = ViewContribution.class)
public class CompletionContribution extends BasicViewContribution {
    public CompletionContribution() {
        super(CompletionView.ROUTE + "/:" + CompletionView.PARAMETER, "Record completions", CompletionPermissions.READ,
                CompletionView.class, "Certification", 215, "vaadin:check");
    }
}
