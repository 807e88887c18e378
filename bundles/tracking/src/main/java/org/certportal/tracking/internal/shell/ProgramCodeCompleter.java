package org.certportal.tracking.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramService;

/** Completes program codes (the first hundred by name). */
@Service
public class ProgramCodeCompleter implements Completer {
    @Reference
    ProgramService programs;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> codes = programs.search("", null, PageRequest.first(100).sortedBy(ProgramService.SORT_NAME, true))
                .items().stream().map(p -> p.code()).toList();
        return new StringsCompleter(codes).complete(session, commandLine, candidates);
    }
}
