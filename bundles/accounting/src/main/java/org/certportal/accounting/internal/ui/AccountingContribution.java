package org.certportal.accounting.internal.ui;

import org.certportal.accounting.api.AccountingPermissions;
import org.certportal.accounting.api.AccountingService;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.BasicViewContribution;
import org.certportal.ui.spi.OrganisationFormats;
import org.certportal.ui.spi.ViewContribution;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Accounting page, with the services it calls. */
@Component(service = ViewContribution.class)
public class AccountingContribution extends BasicViewContribution {
    static final String ROUTE = "accounting";
    private final AccountingService accounting;
    private final SecurityService security;
    private final OrganisationFormats formats;

    @Activate
    public AccountingContribution(@Reference AccountingService accounting, @Reference SecurityService security,
            @Reference OrganisationFormats formats) {
        super(ROUTE, "Accounting", AccountingPermissions.READ, AccountingView.class, "Certification", 240,
                "vaadin:invoice");
        this.accounting = accounting;
        this.security = security;
        this.formats = formats;
    }

    @Override
    public AccountingView createView() {
        return new AccountingView(accounting, security, formats.dates());
    }
}
