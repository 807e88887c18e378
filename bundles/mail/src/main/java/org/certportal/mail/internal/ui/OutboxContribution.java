package org.certportal.mail.internal.ui;

import org.certportal.mail.api.MailPermissions;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Component;

@Component(service = ViewContribution.class)
public class OutboxContribution extends BasicViewContribution {
    public OutboxContribution() {
        super("outbox", "Mail outbox", MailPermissions.READ, OutboxView.class, "Administration", 890,
                "vaadin:envelopes");
    }
}
