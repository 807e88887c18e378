package org.certportal.completions.internal.ui;

import org.certportal.completions.api.ApprovalFilter;
import org.certportal.completions.api.CompletionPermissions;
import org.certportal.completions.api.CompletionService;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.certportal.ui.spi.Pages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: completions waiting for approval, for those who approve them. */
@Component(service = HomeCard.class)
public class ApprovalsCard extends BasicHomeCard {
    private final CompletionService completions;

    @Activate
    public ApprovalsCard(@Reference CompletionService completions) {
        super("approvals-waiting", "Approvals waiting",
                "Completions to approve or reject", CompletionPermissions.APPROVE, "approvals", 220);
        this.completions = completions;
    }

    @Override
    public long value() {
        // the queue's own count query (the approvals grid's count callback makes the same call)
        return completions.pending(ApprovalFilter.none(), Pages.count()).total();
    }
}
