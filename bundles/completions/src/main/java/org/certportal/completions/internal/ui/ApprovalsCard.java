package org.certportal.completions.internal.ui;

import org.certportal.completions.api.ApprovalFilter;
import org.certportal.completions.api.CompletionPermissions;
import org.certportal.completions.api.CompletionService;
import org.certportal.ui.spi.HomeCard;
import org.certportal.ui.spi.Pages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Home card: completions waiting for approval, for those who approve them. */
@Component(service = HomeCard.class)
public class ApprovalsCard implements HomeCard {
    private final CompletionService completions;

    @Activate
    public ApprovalsCard(@Reference CompletionService completions) {
        this.completions = completions;
    }

    @Override
    public String key() {
        return "approvals-waiting";
    }

    @Override
    public String title() {
        return "Approvals waiting";
    }

    @Override
    public String description() {
        return "Completions to approve or reject";
    }

    @Override
    public String permission() {
        return CompletionPermissions.APPROVE;
    }

    @Override
    public String route() {
        return "approvals";
    }

    @Override
    public int order() {
        return 220;
    }

    @Override
    public long value() {
        // the queue's own count query (the approvals grid's count callback makes the same call)
        return completions.pending(ApprovalFilter.none(), Pages.count()).total();
    }
}
