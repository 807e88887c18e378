package org.certportal.process.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunOptions;

@Command(scope = "process", name = "preview", description = "Dry run: what a process would change, changing nothing",
        detailedDescription = "process:preview [--wait] [--notify ADDRESS] TYPE [key=value ...]\n"
                + "Every selected row is processed to say what would change and why; the counts and per-row diffs"
                + " are in the run (process:show RUN --rows done) and its outcomes.csv. Nothing is changed.")
@Service
public class PreviewCommand implements Action {
    @Reference
    ProcessService processes;

    @Argument(index = 0, name = "type", required = true, description = "process id")
    @Completion(ProcessTypeCompleter.class)
    String type;

    @Argument(index = 1, name = "parameters", multiValued = true, description = "key=value parameters")
    List<String> parameters;

    @Option(name = "--wait", aliases = "-w", description = "show progress until the preview ends")
    boolean wait;

    @Option(name = "--notify", description = "email address told when it starts and ends (default: your own,"
            + " when your account has one)")
    String notify;

    @Override
    public Object execute() throws Exception {
        return RunCommand.start(processes, type, parameters, new RunOptions(true, notify), wait);
    }
}
