package org.certportal.enrollments.internal.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramService;

@Command(scope = "enrollments", name = "applications", description = "Lists applications to programs",
        detailedDescription = "Applications, newest first, filtered in the database: --program CODE, --status S (any"
                + " of submitted, under-review, approved, rejected, withdrawn, comma-separated), --from and --through"
                + " (application dates, yyyy-mm-dd, both included), --contact (start of the family name, or the exact"
                + " identifier). Needs the enrollments.read permission.")
@Service
public class ApplicationsCommand implements Action {
    @Reference
    ApplicationService applications;

    @Reference
    ProgramService programs;

    @Option(name = "--program", description = "the program's code")
    String program;

    @Option(name = "--status", description = "statuses, comma-separated: submitted, under-review, approved, rejected,"
            + " withdrawn")
    String status;

    @Option(name = "--from", description = "applied on or after (yyyy-mm-dd)")
    String from;

    @Option(name = "--through", description = "applied on or before (yyyy-mm-dd)")
    String through;

    @Option(name = "--contact", description = "start of the family name, or the exact identifier")
    String contact;

    @Option(name = "--limit", description = "rows at most (default 100)")
    int limit = 100;

    @Override
    public Object execute() {
        Long programId = program == null || program.isBlank() ? null : programs.findByCode(program.strip())
                .orElseThrow(() -> new IllegalArgumentException("No program has the code '" + program.strip() + "'."))
                .id();
        ApplicationFilter filter = new ApplicationFilter(programId, statuses(status), date(from, "--from"),
                date(through, "--through"), contact);
        Page<Application> page = applications.search(filter, PageRequest.first(limit));
        System.out.printf("%8s %-16s %-12s %-10s %-28s %s%n", "ID", "PROGRAM", "STATUS", "APPLIED", "CONTACT",
                "DECIDED");
        for (Application a : page.items()) {
            System.out.printf("%8d %-16s %-12s %-10s %-28s %s%n", a.id(), a.programCode(), a.status().title(),
                    a.appliedOn(), a.contactName(), a.decidedBy() == null ? ""
                            : a.decidedBy() + " " + a.decidedAt() + (a.reason() == null ? "" : ": " + a.reason()));
        }
        System.out.printf("%,d of %,d applications%n", page.items().size(), page.total());
        return null;
    }

    /** Statuses as typed: names or titles, any case, comma-separated. */
    static Set<ApplicationStatus> statuses(String text) {
        Set<ApplicationStatus> chosen = EnumSet.noneOf(ApplicationStatus.class);
        if (text == null || text.isBlank()) {
            return chosen;
        }
        for (String part : text.split(",")) {
            String key = part.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            try {
                chosen.add(ApplicationStatus.valueOf(key));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown status '" + part.strip() + "': use submitted, under-review,"
                        + " approved, rejected or withdrawn.");
            }
        }
        return chosen;
    }

    static LocalDate date(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is no date such as 2026-03-31.");
        }
    }
}
