package org.certportal.enrollments.internal.shell;

import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;

@Command(scope = "enrollments", name = "decide-application", description = "Decides an application",
        detailedDescription = "enrollments:decide-application [--reason R] ID DECISION, DECISION one of under-review,"
                + " approved, rejected, withdrawn (rejected and withdrawn need --reason). The enrollment follows:"
                + " approved → In progress, rejected → Declined, withdrawn → Cancelled. Needs the enrollments.edit"
                + " permission.")
@Service
public class DecideApplicationCommand implements Action {
    @Reference
    ApplicationService applications;

    @Option(name = "--reason", description = "why (required to reject or withdraw)")
    String reason;

    @Argument(index = 0, name = "ID", description = "the application's id", required = true)
    long id;

    @Argument(index = 1, name = "DECISION", description = "under-review, approved, rejected or withdrawn",
            required = true)
    String decision;

    @Override
    public Object execute() {
        Set<ApplicationStatus> to = ApplicationsCommand.statuses(decision);
        if (to.size() != 1) {
            throw new IllegalArgumentException("Name one decision: under-review, approved, rejected or withdrawn.");
        }
        Application a = applications.find(id)
                .orElseThrow(() -> new IllegalArgumentException("No application with id " + id + "."));
        Application decided = applications.decide(a.id(), a.version(), to.iterator().next(), reason);
        System.out.println("Application " + decided.id() + " of " + decided.contactName() + " to "
                + decided.programCode() + ": " + decided.status().title() + ".");
        return null;
    }
}
