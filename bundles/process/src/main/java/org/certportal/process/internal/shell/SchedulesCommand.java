package org.certportal.process.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ScheduleState;

@Command(scope = "process", name = "schedules", description = "Lists schedules, newest first",
        detailedDescription = "Active schedules by default; --all adds done and cancelled ones. A schedule whose"
                + " process is not installed shows as unavailable and fires when it is back.")
@Service
public class SchedulesCommand implements Action {
    @Reference
    ProcessService processes;

    @Option(name = "--type", description = "only this process")
    @Completion(ProcessTypeCompleter.class)
    String type;

    @Option(name = "--all", description = "also done and cancelled schedules")
    boolean all;

    @Option(name = "--limit", description = "at most this many (default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        Page<ProcessSchedule> page = processes.schedules(type, all ? null : ScheduleState.ACTIVE,
                PageRequest.first(limit));
        for (ProcessSchedule s : page.items()) {
            System.out.printf("%6d  %-24s %-9s %-7s next %s  first %s %s%s%s  by %s%s%n", s.id(), s.typeId(),
                    s.state().name().toLowerCase(), s.recurrence().name().toLowerCase(), ShellText.time(s.nextFireAt()),
                    s.firstAt(), s.zone().getId(), s.dryRun() ? " [preview]" : "",
                    s.available() ? "" : " (unavailable)", s.createdBy(), s.note() == null ? "" : "\n        " + s.note());
            if (!s.parameters().isEmpty()) {
                System.out.println("        " + s.parameters());
            }
        }
        System.out.println(page.items().size() + " of " + page.total() + " schedule(s)");
        return null;
    }
}
