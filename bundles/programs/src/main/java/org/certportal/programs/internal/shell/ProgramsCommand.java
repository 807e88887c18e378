package org.certportal.programs.internal.shell;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;

@Command(scope = "certportal", name = "programs", description = "Lists certification programs",
        detailedDescription = "Programs whose name or code starts with the text (any case), by code; --status keeps"
                + " one status (draft, active, inactive, retired). Needs the programs.read permission.")
@Service
public class ProgramsCommand implements Action {
    @Reference
    ProgramService programs;

    @Option(name = "--status", description = "draft, active, inactive or retired")
    String status;

    @Option(name = "--limit", description = "rows at most (default 100)")
    int limit = 100;

    @Argument(name = "text", description = "start of a name or code")
    String text;

    @Override
    public Object execute() {
        Page<ProgramSummary> page = programs.search(text, status(), PageRequest.first(limit).sortedBy(ProgramService.SORT_CODE, true));
        System.out.printf("%-32s %-9s %5s %4s  %s%n", "CODE", "STATUS", "REQS", "RULE", "NAME");
        for (ProgramSummary p : page.items()) {
            System.out.printf("%-32s %-9s %5d %4d  %s%n", p.code(), p.status(), p.requirementCount(), p.ruleVersion(),
                    p.name());
        }
        System.out.printf("%,d of %,d programs%n", page.items().size(), page.total());
        return null;
    }

    private ProgramStatus status() {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ProgramStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown status '" + status + "': use draft, active, inactive or retired.");
        }
    }
}
