package org.certportal.ui.spi.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.ui.spi.RegisteredView;
import org.certportal.ui.spi.ViewRegistry;

@Command(scope = "certportal", name = "views", description = "Lists the views contributed to the portal",
        detailedDescription = "Shows each contributed view: route, title, menu group, required permission,"
                + " contributing bundle and whether the portal serves it (a refused view says why).")
@Service
public class ViewsCommand implements Action {
    @Reference
    ViewRegistry registry;

    @Option(name = "--refused", description = "show only refused contributions")
    boolean refusedOnly;

    @Override
    public Object execute() {
        String format = "%-28s %-26s %-16s %-22s %-36s %s%n";
        System.out.printf(format, "ROUTE", "TITLE", "GROUP", "PERMISSION", "BUNDLE", "STATE");
        int shown = 0;
        for (RegisteredView v : registry.views()) {
            if (refusedOnly && v.active()) {
                continue;
            }
            System.out.printf(format, v.route(), v.title(), v.group(), v.permission(),
                    v.bundle() + " [" + v.bundleId() + "]", v.active() ? "active" : "refused: " + v.reason());
            shown++;
        }
        System.out.println(shown + " view(s)");
        return null;
    }
}
