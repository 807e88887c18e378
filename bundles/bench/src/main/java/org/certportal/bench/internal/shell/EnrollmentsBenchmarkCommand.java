package org.certportal.bench.internal.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.bench.internal.EnrollmentBenchmark;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;

@Command(scope = "certportal", name = "enrollments-benchmark", description = "Measures trackers, enrollee pages and bulk enrolling",
        detailedDescription = "On the current database (meant for a scratch PostgreSQL filled with certportal:demo-data"
                + " contacts=200000 programs=50 enrollments=1000000): times the four tracker counts and a filtered first"
                + " page of the by-program enrollee list over --runs runs on random Active programs (median and p95),"
                + " then enrolls --enroll contacts in one action into a fresh program, and the same rows by raw JDBC"
                + " batch into a scratch copy of the table with the same indexes (dropped afterwards). Adds the program"
                + " and its enrollments for good: run it on a scratch database.")
@Service
public class EnrollmentsBenchmarkCommand implements Action {
    @Reference
    EnrollmentService enrollments;

    @Reference
    ProgramService programs;

    @Reference
    ContactService contacts;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--runs", description = "tracker and page queries to time (default 100)")
    int runs = 100;

    @Option(name = "--enroll", description = "contacts to enroll in one action (default 10000)")
    int enroll = 10_000;

    @Override
    public Object execute() throws Exception {
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1.");
        }
        // before the fresh program is created
        if (enroll < 1 || enroll > 1_000_000) {
            throw new IllegalArgumentException("--enroll must be between 1 and 1,000,000.");
        }
        long seed = System.currentTimeMillis();
        List<ProgramSummary> active = programs.search(null, ProgramStatus.ACTIVE,
                new PageRequest(0, PageRequest.MAX_LIMIT, ProgramService.SORT_CODE, true)).items();
        if (active.isEmpty()) {
            System.out.println("No Active programs: load demo data first (certportal:demo-data contacts=200000"
                    + " programs=50 enrollments=1000000).");
            return null;
        }
        EnrollmentBenchmark.queries(enrollments, active.stream().map(ProgramSummary::id).toList(), runs,
                new Random(seed)).forEach(t -> System.out.println(t + " (goal: p95 <= 150 ms)"));

        List<Long> contactIds = contactIds(enroll);
        if (contactIds.size() < enroll) {
            System.out.printf("Only %,d contacts: enrolling those.%n", contactIds.size());
        }
        long programId = freshProgram(seed);
        double raw = EnrollmentBenchmark.rawRowsPerSecond(dataSource, contactIds, programId);
        long started = System.nanoTime();
        int enrolled = enrollments.enroll(programId, contactIds, null).enrolled().size();
        double service = enrolled / ((System.nanoTime() - started) / 1e9);
        System.out.printf("enroll %,d contacts in one action: service %,.0f rows/s, raw JDBC batch %,.0f rows/s,"
                + " ratio %.2f%n", enrolled, service, raw, raw / service);
        return null;
    }

    private long freshProgram(long seed) {
        Program p = programs.create(new ProgramDraft("BENCH-" + seed, "Benchmark " + seed,
                "Created by certportal:enrollments-benchmark", ProgramOptions.defaults()));
        programs.addRequirement(p.id(), new RequirementDraft("Benchmark requirement", RequirementKind.OTHER,
                GradeType.NONE, null, false, null));
        Program withRequirement = programs.find(p.id()).orElseThrow();
        return programs.changeStatus(p.id(), withRequirement.version(), ProgramStatus.ACTIVE).id();
    }

    /** The first n contacts by external identifier, a page at a time. */
    private List<Long> contactIds(int n) {
        List<Long> ids = new ArrayList<>();
        while (ids.size() < n) {
            int limit = Math.min(PageRequest.MAX_LIMIT, n - ids.size());
            List<Contact> page = contacts.search(null, new PageRequest(ids.size(), limit,
                    ContactService.SORT_EXTERNAL_ID, true)).items();
            page.forEach(c -> ids.add(c.id()));
            if (page.size() < limit) {
                break;
            }
        }
        return ids;
    }
}
