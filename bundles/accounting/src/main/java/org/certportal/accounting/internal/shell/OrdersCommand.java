package org.certportal.accounting.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

@Command(scope = "accounting", name = "orders", description = "A batch's orders, oldest first",
        detailedDescription = "accounting:orders --batch B [--status unpaid|paid|cancelled] [--limit N] [--offset N]:"
                + " B is the batch's number or name.")
@Service
public class OrdersCommand implements Action {
    @Reference
    AccountingService accounting;

    @Option(name = "--batch", description = "the batch's number or name", required = true)
    String batch;

    @Option(name = "--status", description = "unpaid, paid or cancelled")
    String status;

    @Option(name = "--limit", description = "rows at most (default 50, at most 1000)")
    int limit = 50;

    @Option(name = "--offset", description = "rows to skip")
    int offset;

    @Override
    public Object execute() {
        OrderStatus s = ShellArguments.orderStatus(status);
        Batch b = BatchArgument.find(accounting, batch);
        Page<Order> page = accounting.orders(b.id(), s, new PageRequest(offset, limit, null, true));
        System.out.printf("Batch %d, %s (%s)%n", b.id(), b.name(), b.status().title());
        System.out.printf("%-8s %-26s %-26s %-20s %12s %-3s %-9s %s%n", "ORDER", "CONTACT", "FOR", "REFERENCE", "AMOUNT",
                "", "STATUS", "PAID");
        for (Order o : page.items()) {
            System.out.printf("%-8d %-26s %-26s %-20s %12s %-3s %-9s %s%n", o.id(), ShellArguments.cut(o.contactName(), 26),
                    ShellArguments.cut(o.description() == null ? o.purpose() : o.description(), 26),
                    ShellArguments.cut(o.reference(), 20), o.amount().toPlainString(), o.currency(), o.status().title(),
                    o.paidAt() == null ? "" : o.paidAt().toString().substring(0, 10));
        }
        System.out.printf("%,d of %s%n", page.items().size(), page.totalText("order", "orders"));
        return null;
    }
}
