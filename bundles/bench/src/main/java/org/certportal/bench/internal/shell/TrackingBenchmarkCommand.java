package org.certportal.bench.internal.shell;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.bench.internal.TrackingBenchmark;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.persistence.api.DemoData;
import org.certportal.persistence.api.PageRequest;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.certportal.tracking.api.ReminderService;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

@Command(scope = "certportal", name = "tracking-benchmark", description = "Measures the Tracking page, its CSV export and the daily expiry run",
        detailedDescription = "On a scratch PostgreSQL: tops the database up with demo data (contacts, programs,"
                + " enrollments, as certportal:demo-data makes them) to --enrollments enrollments over --contacts"
                + " contacts and --programs programs; times the page's first page with the ten status counts and a"
                + " three-condition custom filter (p50/p95 over --runs runs after a warm-up); exports every row to CSV"
                + " against a raw JDBC read of the same rows printed with Commons CSV; then runs the daily expiry once"
                + " (clearing the backlog of the demo data), sets up --expiring certifications past their expiration"
                + " and as many with a reminder due (a 30-day ladder through the reminder API), and times the expiry"
                + " run through the process engine against the same writes by raw JDBC batch into scratch tables"
                + " (dropped afterwards). Adds its programs, enrollments, audit rows and queued mail for good.")
@Service
public class TrackingBenchmarkCommand implements Action {
    @Reference
    TrackingService tracking;

    @Reference
    ReminderService reminders;

    @Reference
    EnrollmentService enrollments;

    @Reference
    ProgramService programs;

    @Reference
    ContactService contacts;

    @Reference
    ProcessService processes;

    @Reference
    BundleContext context;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--enrollments", description = "enrollments in the database (default 1000000)")
    int enrollmentCount = 1_000_000;

    @Option(name = "--contacts", description = "contacts in the database (default 200000)")
    int contactCount = 200_000;

    @Option(name = "--programs", description = "Active programs (default 50)")
    int programCount = 50;

    @Option(name = "--expiring", description = "certifications the daily run expires, and reminders it queues (default 50000)")
    int expiring = 50_000;

    @Option(name = "--runs", description = "timed page and filter calls, after as many warm-up calls up to 20 (default 100)")
    int runs = 100;

    @Override
    public Object execute() throws Exception {
        if (enrollmentCount < 1 || contactCount < 1 || programCount < 1 || expiring < 1 || runs < 1) {
            throw new IllegalArgumentException("--enrollments, --contacts, --programs, --expiring and --runs must be"
                    + " at least 1.");
        }
        long seed = System.currentTimeMillis();
        topUp(seed);
        vacuum();
        List<String> codes = activePrograms().stream().map(ProgramSummary::code).toList();
        long total = tracking.counts(TrackingFilter.ALL).total();
        LocalDate today = enrollments.today();
        System.out.printf("%nTracking benchmark: %,d enrollments, %,d contacts, %d Active programs%n", total,
                contacts.search(null, new PageRequest(0, 1, ContactService.SORT_EXTERNAL_ID, true)).total(),
                codes.size());
        System.out.printf("%-62s %8s %8s %8s%n", "reads (ms)", "p50", "p95", "goal");
        List<TrackingBenchmark.Timing> reads = TrackingBenchmark.queries(tracking, codes, today, Math.min(20, runs),
                runs, new Random(seed));
        reads.forEach(t -> System.out.println(t.row()));
        System.out.println(TrackingBenchmark.export(tracking, dataSource, today).row());

        long started = System.nanoTime();
        ProcessRun backlog = TrackingBenchmark.runExpiry(processes, this::await);
        System.out.printf("daily run before the set-up (demo data's backlog, untimed goal): %,d rows done,"
                + " %,d skipped in %.1f s%n", backlog.done(), backlog.skipped(), (System.nanoTime() - started) / 1e9);

        List<Contact> people = firstContacts(expiring);
        Program expire = freshProgram("TBX-" + seed, "Tracking benchmark expiry " + seed);
        Program remind = freshProgram("TBR-" + seed, "Tracking benchmark reminders " + seed);
        List<Long> ids = people.stream().map(Contact::id).toList();
        List<Long> toExpire = enrollEarned(expire.id(), ids, today.minusMonths(15), today.minusMonths(14));
        List<Enrollment> reminded = enrollments.enroll(remind.id(), ids, today.minusMonths(13)).enrolled();
        enrollments.markEarnedAll(reminded.stream().map(Enrollment::id).toList(), today.minusMonths(12).plusDays(20));
        reminders.save(remind.id(), List.of(30), List.of(), "Your {program} certification expires on {expires}",
                "Dear {name}, your certification in {program} expires on {expires} ({daysLeft} days left).");
        Map<Long, String> emails = new HashMap<>();
        people.forEach(p -> emails.put(p.id(), p.email()));
        TrackingBenchmark.ExpirySet set = new TrackingBenchmark.ExpirySet(toExpire,
                reminded.stream().map(Enrollment::id).toList(),
                reminded.stream().map(e -> emails.get(e.contactId())).toList());

        Duration raw = TrackingBenchmark.rawExpiryWrites(dataSource, set);
        started = System.nanoTime();
        ProcessRun run = TrackingBenchmark.runExpiry(processes, this::await);
        Duration service = Duration.ofNanos(System.nanoTime() - started);
        long expired = TrackingBenchmark.statuses(tracking, expire.code()).get(CertificationStatus.EXPIRED);
        System.out.println(new TrackingBenchmark.Versus(String.format("daily run: %,d expired + %,d reminders",
                expired, set.toRemind().size()), run.done(), service, raw, 3).row());
        System.out.printf("the run: %,d rows done, %,d skipped, %,d failed (the reminders' program: %s)%n", run.done(),
                run.skipped(), run.failed(), TrackingBenchmark.statuses(tracking, remind.code()));
        return null;
    }

    /**
     * What autovacuum does a minute after a million rows arrive, done now (the whole scratch database: the benchmark
     * names no area's table): until a table is vacuumed, an index-only scan visits the table for every entry, which
     * a portal's vacuumed tables never make the page do.
     */
    private void vacuum() throws java.sql.SQLException {
        long started = System.nanoTime();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        System.out.printf("VACUUM ANALYZE after the top-up, as autovacuum would (%.1f s)%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** Adds contacts, programs and enrollments through the features' demo data until the counts are reached. */
    private void topUp(long seed) throws Exception {
        long contactsNow = contacts.search(null, new PageRequest(0, 1, ContactService.SORT_EXTERNAL_ID, true)).total();
        long programsNow = activePrograms().size();
        long enrollmentsNow = tracking.counts(TrackingFilter.ALL).total();
        Map<String, Integer> wanted = Map.of("contacts", (int) Math.max(0, contactCount - contactsNow),
                "programs", (int) Math.max(0, programCount - programsNow),
                "enrollments", (int) Math.max(0, enrollmentCount - enrollmentsNow));
        List<ServiceReference<DemoData>> refs = new ArrayList<>(context.getServiceReferences(DemoData.class, null));
        List<DemoData> parts = new ArrayList<>();
        refs.forEach(r -> parts.add(context.getService(r)));
        parts.sort(Comparator.comparingInt(DemoData::order));
        try {
            for (DemoData part : parts) {
                Integer count = wanted.get(part.name());
                if (count != null && count > 0) {
                    long started = System.nanoTime();
                    System.out.printf("%s (%.1f s)%n", part.generate(count, seed), (System.nanoTime() - started) / 1e9);
                }
            }
        } finally {
            refs.forEach(context::ungetService);
        }
    }

    private List<Long> enrollEarned(long programId, List<Long> contactIds, LocalDate enrolledOn, LocalDate earnedOn) {
        List<Long> ids = enrollments.enroll(programId, contactIds, enrolledOn).enrolled().stream()
                .map(Enrollment::id).toList();
        enrollments.markEarnedAll(ids, earnedOn);
        return ids;
    }

    private List<ProgramSummary> activePrograms() {
        List<ProgramSummary> all = new ArrayList<>();
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            List<ProgramSummary> page = programs.search(null, ProgramStatus.ACTIVE,
                    new PageRequest(offset, PageRequest.MAX_LIMIT, ProgramService.SORT_CODE, true)).items();
            all.addAll(page);
            if (page.size() < PageRequest.MAX_LIMIT) {
                return all;
            }
        }
    }

    /** Valid 12 months, 30 days' grace: certifications earned 14 months ago are past both. */
    private Program freshProgram(String code, String name) {
        Program p = programs.create(new ProgramDraft(code, name, "Created by certportal:tracking-benchmark",
                new ProgramOptions(false, false, false, false, false, 12, 12, 30, BigDecimal.ZERO,
                        RecertificationBasis.COMPLETION_DATE, null)));
        programs.addRequirement(p.id(), new RequirementDraft("Benchmark requirement", RequirementKind.OTHER,
                GradeType.NONE, null, false, null));
        Program withRequirement = programs.find(p.id()).orElseThrow();
        programs.changeStatus(p.id(), withRequirement.version(), ProgramStatus.ACTIVE);
        return programs.find(p.id()).orElseThrow();
    }

    /** The first n contacts with an email address, by external identifier, a page at a time. */
    private List<Contact> firstContacts(int n) {
        List<Contact> found = new ArrayList<>();
        for (int offset = 0; found.size() < n; offset += PageRequest.MAX_LIMIT) {
            List<Contact> page = contacts.search(null, new PageRequest(offset, PageRequest.MAX_LIMIT,
                    ContactService.SORT_EXTERNAL_ID, true)).items();
            page.stream().filter(c -> c.email() != null && !c.email().isBlank()).limit(n - found.size())
                    .forEach(found::add);
            if (page.size() < PageRequest.MAX_LIMIT) {
                break;
            }
        }
        if (found.size() < n) {
            System.out.printf("Only %,d contacts with an email address: measuring the daily run on those.%n",
                    found.size());
        }
        return found;
    }

    private ProcessRun await(long runId) throws InterruptedException {
        while (true) {
            ProcessRun r = processes.run(runId).orElseThrow();
            if (r.state().isFinal()) {
                return r;
            }
            Thread.sleep(20); // polls the portal's engine; 20 ms is well below the run's length
        }
    }
}
