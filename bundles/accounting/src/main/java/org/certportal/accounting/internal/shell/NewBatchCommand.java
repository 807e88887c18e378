package org.certportal.accounting.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;

@Command(scope = "accounting", name = "new-batch", description = "Creates an open accounting batch",
        detailedDescription = "accounting:new-batch NAME: a name no other batch has (any case); quote a name with spaces.")
@Service
public class NewBatchCommand implements Action {
    @Reference
    AccountingService accounting;

    @Argument(index = 0, name = "NAME", description = "the batch's name", required = true)
    String name;

    @Override
    public Object execute() {
        Batch b = accounting.createBatch(name);
        System.out.printf("Batch %d, %s, is open.%n", b.id(), b.name());
        return null;
    }
}
