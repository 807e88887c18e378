package org.certportal.enrollments.internal;

import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.ImportReport;
import org.certportal.persistence.api.CsvImport;
import org.certportal.persistence.api.ImportErrors;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;

/**
 * Contacts' applications: submitting (one, or a checked file of many) creates or takes the contact's
 * Applied enrollment; deciding records who, when and why and moves the enrollment through
 * {@link StatusChanges}, in the same transaction. The rules are {@link ApplicationRules}.
 */
final class Applications {
    static final String AUDIT_TYPE = "application";

    private final EnrollmentStore store;
    private final SecurityService security;
    private final ProgramService programs;
    private final AuditLog audit;
    private final StatusChanges statusChanges;
    private final Clock clock;
    private final Supplier<LocalDate> today;

    /** One application to submit; {@code line} is its line in a file (0 for one submitted by hand). */
    record Request(long line, long contactId, Program program, LocalDate appliedOn) {
    }

    /** A request that may go ahead: with the contact's Applied enrollment to take, or the terms of a new one. */
    private record Planned(Request request, Enrollment existing, EnrollmentRules.Terms terms) {
    }

    /** What checking a set of requests found: refusals by request, and those that may go ahead. */
    private record Plan(Map<Request, String> refused, List<Planned> planned) {
    }

    Applications(EnrollmentStore store, SecurityService security, ProgramService programs, AuditLog audit,
            StatusChanges statusChanges, Clock clock, Supplier<LocalDate> today) {
        this.store = store;
        this.security = security;
        this.programs = programs;
        this.audit = audit;
        this.statusChanges = statusChanges;
        this.clock = clock;
        this.today = today;
    }

    Page<Application> search(ApplicationFilter filter, PageRequest page) {
        security.require(EnrollmentPermissions.READ);
        checkDates(filter);
        return store.sql(c -> ApplicationQueries.search(c, filter, page == null
                ? new PageRequest(0, 50, null, false) : page));
    }

    long count(ApplicationFilter filter) {
        security.require(EnrollmentPermissions.READ);
        checkDates(filter);
        return store.sql(c -> ApplicationQueries.count(c, filter));
    }

    Optional<Application> find(long applicationId) {
        security.require(EnrollmentPermissions.READ);
        return Optional.ofNullable(store.sql(c -> ApplicationQueries.byId(c, applicationId)));
    }

    List<Application> ofContact(long contactId) {
        security.require(EnrollmentPermissions.READ);
        return store.sql(c -> ApplicationQueries.ofContact(c, contactId));
    }

    List<Long> selectContacts(Connection connection, long programId, ApplicationFilter filter) {
        security.require(EnrollmentPermissions.READ);
        ApplicationFilter f = filter == null ? ApplicationFilter.ofProgram(programId) : filter;
        if (f.programId() != null && f.programId() != programId) {
            throw new IllegalArgumentException("The filter names program " + f.programId() + ", not " + programId
                    + ".");
        }
        checkDates(f);
        try {
            return ApplicationQueries.contacts(connection, new ApplicationFilter(programId, f.statuses(),
                    f.appliedFrom(), f.appliedThrough(), f.contactPrefix()));
        } catch (SQLException e) {
            throw new IllegalStateException("The applicants could not be read: " + e.getMessage(), e);
        }
    }

    private static void checkDates(ApplicationFilter f) {
        if (f != null && f.appliedFrom() != null && f.appliedThrough() != null
                && f.appliedFrom().isAfter(f.appliedThrough())) {
            throw new IllegalArgumentException("The application date 'from' " + f.appliedFrom()
                    + " is after 'through' " + f.appliedThrough() + ".");
        }
    }

    Application submit(long programId, long contactId, LocalDate appliedOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = this.today.get();
        Program program = applicable(programs.find(programId)
                .orElseThrow(() -> new IllegalArgumentException("No program with id " + programId + ".")));
        Request request = new Request(0, contactId, program, appliedOn(appliedOn, today));
        Enrolling.ensureProgramLock(store, programId);
        return store.jpa().txExpr(TransactionType.Required, em -> {
            Plan plan = check(em, List.of(request), today);
            if (!plan.refused().isEmpty()) {
                throw new IllegalArgumentException(plan.refused().get(request));
            }
            long id = write(em, plan.planned(), null).get(0);
            try {
                return ApplicationQueries.byId(em.unwrap(Connection.class), id);
            } catch (SQLException e) {
                throw new IllegalStateException("The application could not be read back: " + e.getMessage(), e);
            }
        });
    }

    /** A program that takes applications now, or a sentence why not. */
    static Program applicable(Program program) {
        if (!program.options().applicationRequired()) {
            throw new IllegalArgumentException("The program " + program.code() + " has no related application;"
                    + " enroll the contact instead.");
        }
        if (program.status() != ProgramStatus.ACTIVE) {
            throw new IllegalArgumentException("The program " + program.code() + " is "
                    + program.status().name().toLowerCase(Locale.ROOT) + "; only Active programs take applications.");
        }
        return program;
    }

    static LocalDate appliedOn(LocalDate appliedOn, LocalDate today) {
        LocalDate date = appliedOn == null ? today : appliedOn;
        if (date.isAfter(today)) {
            throw new IllegalArgumentException("The application date " + date + " is in the future.");
        }
        return date;
    }

    /**
     * Checks every request against the database and the requests before it, in the caller's
     * transaction, holding the programs' enrolling locks (taken in id order, as enrolling does).
     */
    private Plan check(EntityManager em, List<Request> requests, LocalDate today) {
        Connection c = em.unwrap(Connection.class);
        Map<Long, List<Request>> byProgram = requests.stream()
                .collect(Collectors.groupingBy(r -> r.program().id(), TreeMap::new, Collectors.toList()));
        // requests are told apart by identity: two rows of a file may ask the same
        Map<Request, String> refused = new IdentityHashMap<>();
        List<Planned> planned = new ArrayList<>();
        try {
            for (Long programId : byProgram.keySet()) {
                EnrollmentQueries.lockProgram(c, programId);
            }
            Set<Long> existing = EnrollmentQueries.existingContacts(c, requests.stream().map(Request::contactId)
                    .distinct().toList());
            for (Map.Entry<Long, List<Request>> entry : byProgram.entrySet()) {
                List<Long> contacts = entry.getValue().stream().map(Request::contactId).distinct().toList();
                Map<Long, List<Enrollment>> prior = EnrollmentQueries.priorEnrollments(c, entry.getKey(), contacts)
                        .stream().collect(Collectors.groupingBy(Enrollment::contactId));
                Map<Long, Application> open = ApplicationQueries.open(c, entry.getKey(), contacts);
                Set<Long> taken = new HashSet<>();
                for (Request r : entry.getValue()) {
                    String why = refusal(r, existing, open, taken);
                    if (why != null) {
                        refused.put(r, why);
                        continue;
                    }
                    taken.add(r.contactId());
                    List<Enrollment> before = prior.getOrDefault(r.contactId(), List.of());
                    Optional<Enrollment> applied = before.stream()
                            .filter(e -> e.status() == CertificationStatus.APPLIED && !e.expiresOn().isBefore(today))
                            .findFirst();
                    if (applied.isPresent()) {
                        planned.add(new Planned(r, applied.get(), null));
                        continue;
                    }
                    EnrollmentRules.Decision d = EnrollmentRules.decide(true, before, r.program().options(),
                            r.appliedOn(), today);
                    if (d.refusal() != null) {
                        refused.put(r, d.refusal());
                    } else {
                        EnrollmentRules.Terms t = d.terms();
                        planned.add(new Planned(r, null, new EnrollmentRules.Terms(t.cycle(), t.dates(),
                                CertificationStatus.APPLIED)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the applicants failed: " + e.getMessage(), e);
        }
        // in the order asked
        Map<Request, Planned> byRequest = new IdentityHashMap<>();
        planned.forEach(p -> byRequest.put(p.request(), p));
        return new Plan(refused, requests.stream().map(byRequest::get).filter(Objects::nonNull).toList());
    }

    private static String refusal(Request r, Set<Long> existing, Map<Long, Application> open, Set<Long> taken) {
        if (!existing.contains(r.contactId())) {
            return "No contact with id " + r.contactId() + ".";
        }
        Application a = open.get(r.contactId());
        if (a != null) {
            return a.contactName() + " already has an open application to " + r.program().code() + " (applied on "
                    + a.appliedOn() + ", " + a.status().title().toLowerCase(Locale.ROOT) + ").";
        }
        if (taken.contains(r.contactId())) {
            return "The contact applies to " + r.program().code() + " twice in this file.";
        }
        return null;
    }

    /** Inserts the new enrollments and the applications, audited, in the caller's transaction. */
    private List<Long> write(EntityManager em, List<Planned> planned, String source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Connection c = em.unwrap(Connection.class);
        List<Planned> fresh = planned.stream().filter(p -> p.existing() == null).toList();
        List<Enrollment> inserted = EnrollmentBatchInsert.insert(em, fresh.stream()
                .map(p -> new EnrollmentBatchInsert.NewEnrollment(p.request().contactId(), p.request().program().id(),
                        p.request().program().ruleVersion(), p.terms()))
                .toList(), now);
        Map<Planned, Long> enrollmentOf = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            enrollmentOf.put(fresh.get(i), inserted.get(i).id());
        }
        try {
            List<Long> ids = ApplicationQueries.nextIds(c, planned.size());
            List<ApplicationQueries.NewApplication> rows = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                Planned p = planned.get(i);
                long enrollmentId = p.existing() != null ? p.existing().id() : enrollmentOf.get(p);
                rows.add(new ApplicationQueries.NewApplication(ids.get(i), p.request().contactId(),
                        p.request().program().id(), enrollmentId, p.request().appliedOn()));
            }
            ApplicationQueries.insert(c, rows, now);
            // the new Applied enrollments as enrolling audits them: one entry per program
            fresh.stream().collect(Collectors.groupingBy(p -> p.request().program(), Collectors.counting()))
                    .forEach((program, n) -> audit.record(c, StatusChanges.AUDIT_TYPE, "program " + program.id(),
                            "applied " + n, Changes.of().field("program", null, program.code())
                                    .field("applied", null, n).field("status", null, CertificationStatus.APPLIED)));
            for (ApplicationQueries.NewApplication row : rows) {
                Changes changes = Changes.of().field("status", null, ApplicationStatus.SUBMITTED)
                        .field("contact", null, row.contactId()).field("program", null, row.programId())
                        .field("appliedOn", null, row.appliedOn()).field("enrollment", null, row.enrollmentId());
                if (source != null) {
                    changes.field("source", null, source);
                }
                audit.record(c, AUDIT_TYPE, row.id(), "submitted", changes);
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("The applications could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * Records the decision and moves the enrollment through the status door, in one transaction: the
     * application row first (guarded by its version), then the enrollment (guarded by its own).
     */
    Application decide(long applicationId, long expectedVersion, ApplicationStatus to, String reason) {
        Caller caller = security.require(EnrollmentPermissions.EDIT);
        return store.sql(c -> {
            Application a = ApplicationQueries.byId(c, applicationId);
            if (a == null) {
                throw new IllegalArgumentException("No application with id " + applicationId + ".");
            }
            if (a.version() != expectedVersion) {
                throw new ConcurrentModificationException("The application was changed by someone else"
                        + " since you opened it; reload it and decide again.");
            }
            String why = ApplicationRules.check(a.status(), to, reason);
            boolean closes = ApplicationRules.final_(to);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            ApplicationQueries.decide(c, a.id(), a.version(), to, closes ? caller.userName() : null, closes ? now : null, why);
            Optional<CertificationStatus> target = ApplicationRules.enrollmentStatus(to);
            if (target.isPresent() && a.enrollmentId() != null) {
                Enrollment e = EnrollmentStore.existing(c, a.enrollmentId());
                // an enrollment someone already moved there (approved on its own page) needs no second move
                if (e.status() != target.get()) {
                    statusChanges.one(c, StatusChanges.Move.to(e, target.get(), why == null
                            ? "application " + a.id() + " " + to.title().toLowerCase(Locale.ROOT)
                            : why));
                }
            }
            Changes changes = Changes.of().field("status", a.status(), to);
            if (why != null) {
                changes.field("reason", null, why);
            }
            audit.record(c, AUDIT_TYPE, a.id(), "decided " + to.name().toLowerCase(Locale.ROOT), changes);
            return ApplicationQueries.byId(c, a.id());
        });
    }

    /**
     * Checks every request of a file in one transaction and writes them all when none is refused;
     * otherwise (or for a check only) rolls back, so nothing of the file stays.
     *
     * @return the refusals by request (empty when all were good) and how many were stored
     */
    Map<Request, String> submitAll(List<Request> requests, boolean checkOnly, String source, int[] stored) {
        LocalDate today = this.today.get();
        requests.stream().map(r -> r.program().id()).distinct().sorted()
                .forEach(id -> Enrolling.ensureProgramLock(store, id));
        try {
            return store.jpa().txExpr(TransactionType.Required, em -> {
                Plan plan = check(em, requests, today);
                if (!plan.refused().isEmpty()) {
                    throw new Refused(plan.refused());
                }
                if (checkOnly) {
                    return Map.of();
                }
                stored[0] = write(em, plan.planned(), source).size();
                return Map.<Request, String>of();
            });
        } catch (Refused r) {
            return r.refused;
        }
    }

    /**
     * Every row of the file checked first, on its own, then against the database (with the rows before
     * it); all submitted in one transaction when none is bad, none otherwise.
     */
    ImportReport importCsv(Reader csv, boolean checkOnly) {
        security.require(EnrollmentPermissions.EDIT);
        if (csv == null) {
            throw new IllegalArgumentException("Choose a CSV file to import.");
        }
        CsvImport.Result<ApplicationCsv.Row> parsed = ApplicationCsv.parse(csv, ApplicationService.MAX_IMPORT_ROWS);
        ImportErrors errors = parsed.errors();
        LocalDate today = this.today.get();
        Map<String, Long> contacts = store.sql(c -> ApplicationQueries.contactsByExternalId(c, parsed.rows().stream()
                .map(ApplicationCsv.Row::contact).distinct().toList()));
        Map<String, Object> programsByCode = new HashMap<>();
        List<Request> requests = new ArrayList<>();
        for (ApplicationCsv.Row row : parsed.rows()) {
            List<String> problems = new ArrayList<>();
            Long contactId = contacts.get(row.contact());
            if (contactId == null) {
                problems.add("no contact has the identifier '" + row.contact() + "'");
            }
            Object program = programsByCode.computeIfAbsent(row.program().toUpperCase(Locale.ROOT), code -> {
                Optional<Program> found = programs.findByCode(code);
                if (found.isEmpty()) {
                    return "no program has the code '" + row.program() + "'";
                }
                try {
                    return applicable(found.get());
                } catch (IllegalArgumentException e) {
                    return sentence(e.getMessage());
                }
            });
            if (program instanceof String why) {
                problems.add(why);
            }
            if (row.appliedOn().isAfter(today)) {
                problems.add("the application date " + row.appliedOn() + " is in the future");
            }
            if (problems.isEmpty()) {
                requests.add(new Request(row.line(), contactId, (Program) program, row.appliedOn()));
            } else {
                errors.line(row.line(), String.join("; ", problems) + ".");
            }
        }
        int[] stored = { 0 };
        if (!requests.isEmpty()) {
            boolean anyBad = !errors.isEmpty();
            submitAll(requests, checkOnly || anyBad, "import", stored).forEach((r, why) -> errors.line(r.line(),
                    sentence(why) + "."));
        }
        return new ImportReport(parsed.read(), errors.isEmpty() ? stored[0] : 0, errors.messages());
    }

    /** A service sentence inside a line's report: starting lower case, without its full stop. */
    private static String sentence(String s) {
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    /** Rolls the file's transaction back, carrying the refusals out. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Map<Request, String> refused;

        Refused(Map<Request, String> refused) {
            super("refused rows", null, false, false);
            this.refused = refused;
        }
    }
}
