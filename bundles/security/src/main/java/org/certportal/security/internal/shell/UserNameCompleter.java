package org.certportal.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.PortalUser;
import org.certportal.security.api.UserDirectory;

/** Completes existing user names (none when the shell user may not list users). */
@Service
public class UserNameCompleter implements Completer {
    @Reference
    UserDirectory users;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        try {
            List<String> names = users.list().stream().map(PortalUser::userName).toList();
            return new StringsCompleter(names).complete(session, commandLine, candidates);
        } catch (AccessDeniedException e) {
            return -1;
        }
    }
}
