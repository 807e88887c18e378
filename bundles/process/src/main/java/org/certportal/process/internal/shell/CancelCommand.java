package org.certportal.process.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;

@Command(scope = "process", name = "cancel", description = "Cancels a run, or with --schedule a schedule",
        detailedDescription = "process:cancel RUN: a queued run is cancelled at once, a running one stops after the"
                + " chunk it is in (rows processed so far keep their outcome).\n"
                + "process:cancel --schedule ID: the schedule fires no more; runs it made are not touched.")
@Service
public class CancelCommand implements Action {
    @Reference
    ProcessService processes;

    @Argument(index = 0, name = "id", required = true, description = "run id (or schedule id with --schedule)")
    @Completion(RunIdCompleter.class)
    long id;

    @Option(name = "--schedule", description = "the id is a schedule's")
    boolean schedule;

    @Override
    public Object execute() {
        if (schedule) {
            processes.cancelSchedule(id);
            System.out.println("Schedule " + id + " cancelled.");
        } else {
            ProcessRun r = processes.cancel(id);
            System.out.println("Run " + id + " is " + ShellText.state(r.state())
                    + (r.state().isFinal() ? "." : "; it stops after the chunk it is in."));
        }
        return null;
    }
}
