package org.certportal.tracking.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.tracking.api.StatusCounts;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingService;

@Command(scope = "tracking", name = "counts", description = "How many enrollments show each status")
@Service
public class CountsCommand implements Action {
    @Reference
    TrackingService tracking;

    @Option(name = "--program", description = "only this program's enrollments (its code)")
    @Completion(ProgramCodeCompleter.class)
    String program;

    @Override
    public Object execute() {
        StatusCounts counts = tracking.counts(program == null ? TrackingFilter.ALL
                : TrackingFilter.ALL.withPrograms(List.of(program)));
        for (CertificationStatus s : CertificationStatus.values()) {
            System.out.printf("%-15s %,12d%n", s.title(), counts.of(s));
        }
        System.out.printf("%-15s %,12d%n", "Total", counts.total());
        return null;
    }
}
