package org.certportal.process.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.ProcessTypeInfo;

/** Completes the ids of the processes there are. */
@Service
public class ProcessTypeCompleter implements Completer {
    @Reference
    ProcessService processes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> ids = processes.types().stream().map(ProcessTypeInfo::id).toList();
        return new StringsCompleter(ids).complete(session, commandLine, candidates);
    }
}
