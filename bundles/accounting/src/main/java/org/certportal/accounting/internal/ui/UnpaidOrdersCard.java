package org.certportal.accounting.internal.ui;

import org.certportal.accounting.api.AccountingPermissions;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.persistence.api.PageRequest;
import org.certportal.ui.spi.BasicHomeCard;
import org.certportal.ui.spi.HomeCard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** For those who record payments: how many orders wait to be paid, a link to Accounting. */
@Component(service = HomeCard.class)
public class UnpaidOrdersCard extends BasicHomeCard {
    private final AccountingService accounting;

    @Activate
    public UnpaidOrdersCard(@Reference AccountingService accounting) {
        super("orders-unpaid", "Orders unpaid", "Orders waiting to be paid, in every batch: open Accounting",
                AccountingPermissions.MANAGE, AccountingContribution.ROUTE, 240);
        this.accounting = accounting;
    }

    @Override
    public long value() {
        // one row and the count, by the status index
        return accounting.orders(0, OrderStatus.UNPAID, PageRequest.first(1)).total();
    }
}
