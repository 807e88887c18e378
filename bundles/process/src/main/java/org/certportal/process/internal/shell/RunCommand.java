package org.certportal.process.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunOptions;

@Command(scope = "process", name = "run", description = "Starts a process now",
        detailedDescription = "process:run [--wait] [--notify ADDRESS] TYPE [key=value ...]\n"
                + "Queues a run exactly as the Process Center does; the engine takes it within moments. --wait shows"
                + " its progress until it ends. A second run of the same process and scope is refused while one is"
                + " active. process:list shows the parameters.")
@Service
public class RunCommand implements Action {
    @Reference
    ProcessService processes;

    @Argument(index = 0, name = "type", required = true, description = "process id")
    @Completion(ProcessTypeCompleter.class)
    String type;

    @Argument(index = 1, name = "parameters", multiValued = true, description = "key=value parameters")
    List<String> parameters;

    @Option(name = "--wait", aliases = "-w", description = "show progress until the run ends")
    boolean wait;

    @Option(name = "--notify", description = "email address told when it starts and ends (default: your own,"
            + " when your account has one)")
    String notify;

    @Override
    public Object execute() throws Exception {
        return start(processes, type, parameters, new RunOptions(false, notify), wait);
    }

    static Object start(ProcessService processes, String type, List<String> parameters, RunOptions options,
            boolean wait) throws InterruptedException {
        long id = processes.start(type, ShellText.parameters(parameters), options);
        System.out.println((options.dryRun() ? "Preview" : "Run") + " " + id + " of " + type + " queued.");
        if (wait) {
            ProcessRun r = ShellText.await(processes, id, System.out);
            System.out.println("Result files: " + String.join(", ", processes.resultFiles(id))
                    + " (process:show " + id + " --save DIR)");
            if (r.error() != null) {
                System.out.println("Reason: " + r.error());
            }
        }
        return null;
    }
}
