package org.certportal.tracking.internal.shell;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.internal.FilterQuery;

/** Completes statuses as the commands take them: active, not-completed, … */
@Service
public class StatusCompleter implements Completer {
    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return new StringsCompleter(Arrays.stream(CertificationStatus.values()).map(FilterQuery::statusName).toList())
                .complete(session, commandLine, candidates);
    }
}
