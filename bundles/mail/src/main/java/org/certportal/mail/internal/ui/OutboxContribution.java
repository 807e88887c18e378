package org.certportal.mail.internal.ui;

import java.util.Optional;

import org.certportal.mail.api.MailOutbox;
import org.certportal.mail.api.MailPermissions;
import org.certportal.mail.internal.MailDeliveryState;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

@Component(service = ViewContribution.class)
public class OutboxContribution extends BasicViewContribution {
    private final MailOutbox outbox;
    private final SecurityService security;
    private final OrganisationFormats formats;

    /** The dispatcher's, absent while the mail settings cannot be read; the view says why mail waits. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MailDeliveryState delivery;

    @Activate
    public OutboxContribution(@Reference MailOutbox outbox, @Reference SecurityService security,
            @Reference OrganisationFormats formats) {
        super("outbox", "Mail outbox", MailPermissions.READ, OutboxView.class, "Administration", 890, "vaadin:envelopes");
        this.outbox = outbox;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public OutboxView createView() {
        return new OutboxView(outbox, security, () -> Optional.ofNullable(delivery), formats.dates());
    }
}
