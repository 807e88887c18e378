package org.certportal.accounting.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.internal.Totals;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

@Command(scope = "accounting", name = "batches", description = "Accounting batches with their orders' totals, newest first",
        detailedDescription = "accounting:batches [--status open|closed] [--limit N] [--offset N] [NAME]: NAME is the"
                + " start of a batch's name, any case. Amounts are the orders not cancelled, per currency.")
@Service
public class BatchesCommand implements Action {
    @Reference
    AccountingService accounting;

    @Option(name = "--status", description = "open or closed")
    String status;

    @Option(name = "--limit", description = "rows at most (default 50, at most 1000)")
    int limit = 50;

    @Option(name = "--offset", description = "rows to skip")
    int offset;

    @Argument(index = 0, name = "NAME", description = "the start of the batch's name")
    String name;

    @Override
    public Object execute() {
        BatchStatus s = ShellArguments.batchStatus(status);
        Page<Batch> page = accounting.batches(s, name, new PageRequest(offset, limit, null, true));
        Map<Long, BatchTotals> totals = accounting.totals(page.items().stream().map(Batch::id).toList());
        System.out.printf("%-6s %-30s %-7s %-16s %-10s %6s %6s %6s  %s%n", "BATCH", "NAME", "STATUS", "CREATED BY",
                "CREATED", "ORDERS", "UNPAID", "PAID", "AMOUNT");
        for (Batch b : page.items()) {
            BatchTotals t = totals.get(b.id());
            System.out.printf("%-6d %-30s %-7s %-16s %-10s %6d %6d %6d  %s%n", b.id(), ShellArguments.cut(b.name(), 30),
                    b.status().title(), ShellArguments.cut(b.createdBy(), 16), b.createdAt().toString().substring(0, 10),
                    t.orders(), t.unpaid(), t.paid(), Totals.describe(t.amountByCurrency()));
        }
        System.out.printf("%,d of %s%n", page.items().size(), page.totalText("batch", "batches"));
        return null;
    }
}
