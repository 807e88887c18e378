package org.certportal.process.internal.shell;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
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
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;

@Command(scope = "process", name = "show", description = "Shows a run: parameters, times, counts, rows, result files",
        detailedDescription = "process:show [--rows done|skipped|failed|pending|all] [--limit N] [--save DIR] RUN\n"
                + "--rows lists rows with their diff or reason; --save writes the result files (CSV) into DIR,"
                + " named with the process, run and time.")
@Service
public class ShowCommand implements Action {
    @Reference
    ProcessService processes;

    @Argument(index = 0, name = "run", required = true, description = "run id")
    @Completion(RunIdCompleter.class)
    long id;

    @Option(name = "--rows", description = "list rows: done, skipped, failed, pending or all")
    @Completion(value = StringsCompleter.class, values = { "done", "skipped", "failed", "pending", "all" })
    String rows;

    @Option(name = "--limit", description = "rows to list (default 50)")
    int limit = 50;

    @Option(name = "--save", description = "directory to write the result files to")
    String save;

    @Override
    public Object execute() throws Exception {
        ProcessRun r = processes.run(id).orElseThrow(() -> new IllegalArgumentException("There is no run " + id + "."));
        System.out.println("Run " + r.id() + ": " + r.typeTitle() + " (" + r.typeId() + ")" + (r.dryRun()
                ? " [preview]" : ""));
        System.out.println("State:      " + ShellText.state(r.state()) + (r.error() == null ? "" : " - " + r.error()));
        System.out.println("Progress:   " + ShellText.progress(r));
        System.out.println("Scope:      " + r.scope());
        System.out.println("Parameters: " + (r.parameters().isEmpty() ? "none" : r.parameters()));
        System.out.println("Started by: " + r.startedBy() + (r.notifyTo() == null ? "" : ", notifying " + r.notifyTo()));
        System.out.println("Queued:     " + ShellText.time(r.queuedAt()) + (r.scheduleId() == null ? ""
                : " by schedule " + r.scheduleId()) + (r.retryOf() == null ? "" : ", retrying run " + r.retryOf()));
        System.out.println("Started:    " + ShellText.time(r.startedAt()));
        System.out.println("Finished:   " + ShellText.time(r.finishedAt()));
        System.out.println("Files:      " + String.join(", ", processes.resultFiles(id)));
        if (rows != null) {
            RowState state = rows.equalsIgnoreCase("all") ? null : rowState(rows);
            Page<RowResult> page = processes.rows(id, state, PageRequest.first(limit));
            for (RowResult row : page.items()) {
                System.out.printf("%8d  %-30s %-8s %s%n", row.seq(), row.key(), row.state().name().toLowerCase(Locale.ROOT),
                        row.message() == null ? "" : row.message());
            }
            System.out.println(page.items().size() + " of " + page.total() + " row(s)");
        }
        if (save != null) {
            Path dir = Path.of(save);
            Files.createDirectories(dir);
            for (String file : processes.resultFiles(id)) {
                Path target = dir.resolve(processes.downloadName(id, file));
                try (OutputStream out = Files.newOutputStream(target)) {
                    processes.writeResultFile(id, file, out);
                }
                System.out.println("Wrote " + target);
            }
        }
        return null;
    }

    private static RowState rowState(String text) {
        try {
            return RowState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rows is done, skipped, failed, pending or all, not '" + text + "'.");
        }
    }
}
