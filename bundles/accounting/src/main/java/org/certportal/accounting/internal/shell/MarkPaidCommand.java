package org.certportal.accounting.internal.shell;

import java.time.LocalDate;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;

@Command(scope = "accounting", name = "mark-paid", description = "Marks unpaid orders paid; each completes the step it waited for",
        detailedDescription = "accounting:mark-paid [--date yyyy-MM-dd] ORDER_ID...: all or none; an order already"
                + " paid or cancelled, or one whose feature is not installed, refuses the whole command. The date is the"
                + " day the payment was received (default today).")
@Service
public class MarkPaidCommand implements Action {
    @Reference
    AccountingService accounting;

    @Option(name = "--date", description = "the day the payment was received, yyyy-MM-dd (default today)")
    String date;

    @Argument(index = 0, name = "ORDER_ID", description = "order numbers (see accounting:orders)", required = true,
            multiValued = true)
    List<String> orders;

    @Override
    public Object execute() {
        LocalDate paidOn = ShellArguments.date(date);
        List<Long> ids = ShellArguments.orderIds(orders);
        int paid = accounting.markPaid(ids, paidOn);
        System.out.printf("%d %s marked paid%s.%n", paid, paid == 1 ? "order" : "orders",
                paidOn == null ? "" : " on " + paidOn);
        return null;
    }
}
