package org.certportal.mail.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.mail.api.MailOutbox;

@Command(scope = "certportal", name = "mail-test", description = "Queues a test message to check the mail settings",
        detailedDescription = "Queues a short message to --to; it is sent through etc/org.certportal.mail.cfg like any"
                + " other. Follow it in the Mail outbox view (queued, sent, or failed with the server's reason).")
@Service
public class MailTestCommand implements Action {
    @Reference
    MailOutbox outbox;

    @Option(name = "--to", required = true, description = "recipient address")
    String to;

    @Override
    public Object execute() {
        long id = outbox.queueTestMessage(to);
        System.out.println("Queued test message " + id + " to " + to + "; see its status in the Mail outbox view.");
        return null;
    }
}
