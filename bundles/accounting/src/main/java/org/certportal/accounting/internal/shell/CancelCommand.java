package org.certportal.accounting.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;

@Command(scope = "accounting", name = "cancel", description = "Cancels unpaid orders, with a reason",
        detailedDescription = "accounting:cancel --reason TEXT ORDER_ID...: all or none; a paid or cancelled order"
                + " refuses the whole command. A cancelled order no longer counts as due.")
@Service
public class CancelCommand implements Action {
    @Reference
    AccountingService accounting;

    @Option(name = "--reason", description = "why (required; kept with each order and in the audit log)",
            required = true)
    String reason;

    @Argument(index = 0, name = "ORDER_ID", description = "order numbers (see accounting:orders)", required = true,
            multiValued = true)
    List<String> orders;

    @Override
    public Object execute() {
        List<Long> ids = ShellArguments.orderIds(orders);
        int cancelled = accounting.cancel(ids, reason);
        System.out.printf("%d %s cancelled.%n", cancelled, cancelled == 1 ? "order" : "orders");
        return null;
    }
}
