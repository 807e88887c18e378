package org.certportal.accounting.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;

@Command(scope = "accounting", name = "close-batch", description = "Closes a batch: it takes no new orders",
        detailedDescription = "accounting:close-batch BATCH: the batch's number or name. Its orders can still be paid"
                + " or cancelled.")
@Service
public class CloseBatchCommand implements Action {
    @Reference
    AccountingService accounting;

    @Argument(index = 0, name = "BATCH", description = "the batch's number or name", required = true)
    String batch;

    @Override
    public Object execute() {
        Batch b = accounting.closeBatch(BatchArgument.find(accounting, batch).id());
        System.out.printf("Batch %d, %s, is closed.%n", b.id(), b.name());
        return null;
    }
}
