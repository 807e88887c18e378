package org.certportal.tracking.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.tracking.api.TrackingRow;
import org.certportal.tracking.api.TrackingService;

@Command(scope = "tracking", name = "list", description = "Enrollments with their status, filtered like the Tracking page")
@Service
public class ListCommand extends FilterOptions implements Action {
    @Reference
    TrackingService tracking;

    @Option(name = "--limit", description = "rows at most (default 50, at most 1000)")
    int limit = 50;

    @Option(name = "--offset", description = "rows to skip")
    int offset;

    @Override
    public Object execute() {
        Page<TrackingRow> page = tracking.list(filter(), new PageRequest(offset, limit, sort, !descending));
        System.out.printf("%-10s %-28s %-14s %-10s %-14s %-10s %-10s %-10s %s%n", "ENROLLMENT", "CONTACT", "IDENTIFIER",
                "PROGRAM", "STATUS", "ENROLLED", "EARNED", "EXPIRES", "DAYS LEFT");
        for (TrackingRow r : page.items()) {
            System.out.printf("%-10d %-28s %-14s %-10s %-14s %-10s %-10s %-10s %s%n", r.enrollmentId(),
                    cut(r.contactName(), 28), cut(r.identifier(), 14), r.programCode(), r.status().title(),
                    r.enrolledOn(), text(r.earnedOn()), text(r.expiresOn()), text(r.daysLeft()));
        }
        // the total stops at 10,000: past it, "50 of more than 10,000 rows"
        System.out.printf("%,d of %s%n", page.items().size(), page.totalText("row", "rows"));
        return null;
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
