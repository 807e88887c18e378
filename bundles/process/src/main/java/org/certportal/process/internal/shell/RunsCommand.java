package org.certportal.process.internal.shell;

import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunState;

@Command(scope = "process", name = "runs", description = "Lists runs, newest first: the history",
        detailedDescription = "Filters: --type, --state (queued, running, cancelling, cancelled, completed, failed),"
                + " --user. process:show RUN for one run's details, rows and result files.")
@Service
public class RunsCommand implements Action {
    @Reference
    ProcessService processes;

    @Option(name = "--type", description = "only this process")
    @Completion(ProcessTypeCompleter.class)
    String type;

    @Option(name = "--state", description = "only runs in this state")
    @Completion(value = StringsCompleter.class, values = { "queued", "running", "cancelling", "cancelled", "completed",
        "failed" })
    String state;

    @Option(name = "--user", description = "only runs started by this user")
    String user;

    @Option(name = "--limit", description = "at most this many (default 20)")
    int limit = 20;

    @Override
    public Object execute() {
        Set<RunState> states = Set.of();
        if (state != null) {
            try {
                states = Set.of(RunState.valueOf(state.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown state '" + state + "'; use queued, running, cancelling,"
                        + " cancelled, completed or failed.");
            }
        }
        Page<ProcessRun> page = processes.runs(new RunFilter(type, states, user),
                PageRequest.first(limit));
        page.items().forEach(r -> System.out.println(ShellText.summary(r)));
        System.out.println(page.items().size() + " of " + page.total() + " run(s)");
        return null;
    }
}
