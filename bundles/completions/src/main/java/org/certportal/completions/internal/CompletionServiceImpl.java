package org.certportal.completions.internal;

import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.audit.api.AuditEntry;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.completions.api.ApprovalFilter;
import org.certportal.completions.api.Attachment;
import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionDraft;
import org.certportal.completions.api.CompletionFile;
import org.certportal.completions.api.CompletionPermissions;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.CompletionStep;
import org.certportal.completions.api.EnrolleeProgress;
import org.certportal.completions.api.FileDownload;
import org.certportal.completions.api.ImportMode;
import org.certportal.completions.api.ImportReport;
import org.certportal.completions.api.PendingApproval;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailOutbox;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.Offering;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.Requirement;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Completions in the portal database: SQL on the connection of an Aries JPA transaction, so the
 * completion, its file, its audit entry, the earned enrollment and the notification all commit
 * together. Immediate: the schema is migrated when the bundle starts, and a failed migration leaves
 * the service unregistered (logged by SCR).
 */
@Component(immediate = true)
public class CompletionServiceImpl implements CompletionService {
    static final String AUDIT_TYPE = "completion";
    /**
     * Rows per transaction of an import: each chunk costs a fixed number of statements (one per table
     * written, the earning's few, the commit), so bigger chunks spread them over more rows; 5,000 rows
     * and their earnings stay a few megabytes.
     */
    static final int IMPORT_CHUNK = 5000;

    private final JpaTemplate jpa;
    private final SecurityService security;
    private final ProgramService programs;
    private final EnrollmentService enrollments;
    private final ContactService contacts;
    private final AuditLog audit;
    private final Clock clock;
    private final Earning earning;
    /** The organisation's limits and time zone; the defaults while settings are away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SettingsService settings;

    @Activate
    public CompletionServiceImpl(@Reference(target = "(osgi.unit.name=certportal-completions)") JpaTemplate jpa,
            @Reference SecurityService security, @Reference CompletionsSchema migrated, @Reference AuditLog audit,
            @Reference ProgramService programs, @Reference EnrollmentService enrollments,
            @Reference ContactService contacts, @Reference MailOutbox outbox) {
        this(jpa, security, audit, programs, enrollments, contacts, outbox, Clock.systemUTC());
    }

    /** Outside OSGi (tests): the schema is migrated already. */
    CompletionServiceImpl(JpaTemplate jpa, SecurityService security, AuditLog audit, ProgramService programs,
            EnrollmentService enrollments, ContactService contacts, MailOutbox outbox, Clock clock) {
        this.jpa = jpa;
        this.security = security;
        this.audit = audit;
        this.programs = programs;
        this.enrollments = enrollments;
        this.contacts = contacts;
        this.clock = clock;
        this.earning = new Earning(enrollments, contacts, outbox, audit);
    }

    /** The settings in force; the defaults while the settings feature is away. */
    OrganisationSettings organisation() {
        SettingsService s = settings;
        if (s == null) {
            return OrganisationSettings.defaults();
        }
        try {
            return s.current();
        } catch (AccessDeniedException e) {
            // callers without portal access (shell, system) still get the organisation's limits when they can
            return OrganisationSettings.defaults();
        }
    }

    @Override
    public LocalDate today() {
        ZoneId zone = settings == null ? ZoneOffset.UTC : organisation().timeZone();
        return LocalDate.now(clock.withZone(zone));
    }

    /** An enrollment with the rules it is judged by, requirements in order. */
    record Target(Enrollment enrollment, ProgramRules rules, List<Requirement> requirements) {
        Requirement requirement(long requirementId) {
            return requirements.stream().filter(r -> r.id() == requirementId).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The requirement " + requirementId
                            + " is not part of this enrollment's program."));
        }
    }

    private Target target(long enrollmentId) {
        return target(enrollments.find(enrollmentId)
                .orElseThrow(() -> new IllegalArgumentException("No enrollment with id " + enrollmentId + ".")));
    }

    private Target target(Enrollment e) {
        ProgramRules rules = programs.rules(e.programId(), e.ruleVersion());
        return new Target(e, rules, rules.requirements().stream().sorted(Comparator.comparingInt(
                Requirement::position)).toList());
    }

    private String programName(long programId) {
        return programs.find(programId).map(Program::name).orElse("Program " + programId);
    }

    @Override
    public EnrolleeProgress progress(long enrollmentId) {
        EnrolleeProgress p = progressAll(List.of(enrollmentId)).get(enrollmentId);
        if (p == null) {
            throw new IllegalArgumentException("No enrollment with id " + enrollmentId + ".");
        }
        return p;
    }

    /** The enrollments, their contacts and programs once each, then their completions and files in one query each. */
    @Override
    public Map<Long, EnrolleeProgress> progressAll(Collection<Long> enrollmentIds) {
        security.require(CompletionPermissions.READ);
        if (enrollmentIds == null || enrollmentIds.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Every enrollment id is required.");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(enrollmentIds));
        Map<Long, Enrollment> found = ids.isEmpty() ? Map.of() : enrollments.findAll(ids);
        if (found.isEmpty()) {
            return Map.of();
        }
        Map<String, Target> rules = new HashMap<>();
        Map<Long, String> programNames = new HashMap<>();
        Map<Long, Target> targets = new HashMap<>();
        for (Enrollment e : found.values()) {
            Target shared = rules.computeIfAbsent(e.programId() + "/" + e.ruleVersion(), k -> target(e));
            targets.put(e.id(), new Target(e, shared.rules(), shared.requirements()));
            programNames.computeIfAbsent(e.programId(), this::programName);
        }
        Map<Long, Contact> people = contacts.findAll(found.values().stream().map(Enrollment::contactId).toList());
        List<Long> existing = ids.stream().filter(found::containsKey).toList();
        return sql(c -> {
            List<Completion> recorded = CompletionStore.ofEnrollments(c, existing);
            Map<Long, List<Completion>> byEnrollment = recorded.stream().collect(Collectors.groupingBy(
                    Completion::enrollmentId));
            Map<Long, List<CompletionFile>> files = recorded.isEmpty() ? Map.of() : FileStore.ofCompletions(c,
                    recorded.stream().map(Completion::id).toList()).stream().collect(Collectors.groupingBy(
                            CompletionFile::completionId));
            Map<Long, EnrolleeProgress> progress = new LinkedHashMap<>();
            for (long id : existing) {
                Target t = targets.get(id);
                Enrollment e = t.enrollment();
                Contact who = people.get(e.contactId());
                String contactName = who == null ? "Contact " + e.contactId()
                        : (who.givenName() == null ? "" : who.givenName() + " ") + who.familyName();
                progress.put(id, progress(t, contactName, programNames.get(e.programId()), byEnrollment.getOrDefault(
                        id, List.of()), files));
            }
            return progress;
        });
    }

    private EnrolleeProgress progress(Target t, String contactName, String programName, List<Completion> recorded,
            Map<Long, List<CompletionFile>> files) {
        Enrollment e = t.enrollment();
        Map<Long, Completion> byRequirement = recorded.stream().collect(Collectors.toMap(Completion::requirementId,
                Function.identity()));
        Map<Long, CompletionStatus> statuses = statuses(recorded);
        boolean inOrder = t.rules().options().inOrder();
        boolean open = e.status() == CertificationStatus.IN_PROGRESS;
        List<CompletionStep> steps = t.requirements().stream().map(r -> {
            Completion done = byRequirement.get(r.id());
            return new CompletionStep(r, done, done == null ? CompletionStatus.NO_STATUS : done.status(),
                    open && OrderRules.recordable(inOrder, t.requirements(), statuses, r),
                    done == null ? List.of() : files.getOrDefault(done.id(), List.of()));
        }).toList();
        return new EnrolleeProgress(e, contactName, programName, inOrder, steps);
    }

    @Override
    public Completion record(long enrollmentId, Long expectedVersion, CompletionDraft draft) {
        Caller caller = security.require(CompletionPermissions.RECORD);
        if (draft == null) {
            throw new IllegalArgumentException("Enter the completion to record.");
        }
        LocalDate today = today();
        Target t = target(enrollmentId);
        Enrollment e = t.enrollment();
        checkOpen(e);
        Requirement r = t.requirement(draft.requirementId());
        Long offeringId = offering(r, draft.offeringId());
        LocalDate date = CompletionRules.checkDate(draft.completedOn(), e.enrolledOn(), today);
        String notes = CompletionRules.notes(draft.notes());
        GradeRules.Grade grade = GradeRules.parse(r.gradeType(), r.minimumGrade(), draft.grade());
        CompletionStatus status = CompletionRules.status(r.gradeType(), r.needsApproval(), grade);
        // a refused upload refuses the whole record before anything is written
        Attachment file = FileStore.check(draft.file(), organisation());
        String programName = programName(e.programId());
        return jpa.txExpr(TransactionType.Required, em -> {
            Connection c = em.unwrap(Connection.class);
            try {
                List<Completion> recorded = CompletionStore.ofEnrollment(c, enrollmentId);
                Map<Long, CompletionStatus> statuses = statuses(recorded);
                OrderRules.checkRecordable(t.rules().options().inOrder(), t.requirements(), statuses, r);
                Completion existing = recorded.stream().filter(x -> x.requirementId() == r.id()).findFirst()
                        .orElse(null);
                if (!Objects.equals(expectedVersion, existing == null ? null : existing.version())) {
                    throw new ConcurrentModificationException(existing == null
                            ? "The completion you opened no longer exists; reload the progress and record it again."
                            : "A completion of this requirement was recorded by someone else meanwhile; reload the"
                                    + " progress and make your change again.");
                }
                Instant now = clock.instant();
                String grades = grade == null ? null : grade.text();
                long id;
                if (existing == null) {
                    id = Ids.next(em);
                    CompletionStore.insert(c, List.of(new CompletionStore.NewCompletion(id, enrollmentId,
                            e.programId(), r.id(), r.title(), offeringId, date, notes, grades, status,
                            caller.userName(), now)));
                } else {
                    id = existing.id();
                    CompletionStore.recordAgain(c, List.of(new CompletionStore.Again(id, existing.version(),
                            offeringId, date, notes, grades, status, caller.userName(), now)));
                }
                Changes changes = Changes.of().field("enrollment", null, enrollmentId)
                        .field("requirement", null, r.title())
                        .field("completedOn", existing == null ? null : existing.completedOn(), date)
                        .field("grade", existing == null ? null : existing.grade(), grades)
                        .field("status", existing == null ? null : existing.status(), status);
                if (file != null) {
                    CompletionFile stored = FileStore.insert(c, Ids.next(em), id, file, caller.userName(), now);
                    changes.field("file", null, stored.name() + " (" + stored.size() + " bytes, sha256 "
                            + stored.sha256() + ")");
                }
                audit.record(c, AUDIT_TYPE, id, existing == null ? "recorded" : "recorded again", changes);
                statuses.put(r.id(), status);
                Map<Long, LocalDate> dates = dates(recorded);
                dates.put(r.id(), date);
                earning.earnIfComplete(c, e, programName, t.requirements(), statuses, dates);
                return CompletionStore.existing(c, id);
            } catch (SQLException ex) {
                throw new IllegalStateException("The completion could not be recorded: " + ex.getMessage(), ex);
            }
        });
    }

    @Override
    public Completion grade(long completionId, long expectedVersion, String grade) {
        security.require(CompletionPermissions.RECORD);
        return tx((em, c) -> {
            Completion cp = current(c, completionId, expectedVersion);
            CompletionRules.checkGradable(cp.status());
            Target t = target(cp.enrollmentId());
            Requirement r = t.requirement(cp.requirementId());
            GradeRules.Grade g = GradeRules.parse(r.gradeType(), r.minimumGrade(), grade);
            if (g == null) {
                throw new IllegalArgumentException("Enter the grade.");
            }
            CompletionStatus status = CompletionRules.status(r.gradeType(), r.needsApproval(), g);
            CompletionStore.grade(c, completionId, expectedVersion, g.text(), status);
            audit.record(c, AUDIT_TYPE, completionId, "graded", Changes.of().field("grade", cp.grade(), g.text())
                    .field("status", cp.status(), status));
            earnAfter(c, t, cp.enrollmentId());
            return CompletionStore.existing(c, completionId);
        });
    }

    @Override
    public Completion approve(long completionId, long expectedVersion) {
        Caller caller = security.require(CompletionPermissions.APPROVE);
        return tx((em, c) -> {
            Completion cp = current(c, completionId, expectedVersion);
            decide(c, cp, caller, null, new HashMap<>());
            return CompletionStore.existing(c, completionId);
        });
    }

    @Override
    public Completion reject(long completionId, long expectedVersion, String reason) {
        Caller caller = security.require(CompletionPermissions.APPROVE);
        String why = CompletionRules.reason(reason);
        return tx((em, c) -> {
            Completion cp = current(c, completionId, expectedVersion);
            decide(c, cp, caller, why, new HashMap<>());
            return CompletionStore.existing(c, completionId);
        });
    }

    @Override
    public int approveAll(List<Long> completionIds) {
        Caller caller = security.require(CompletionPermissions.APPROVE);
        return decideAll(completionIds, caller, null);
    }

    @Override
    public int rejectAll(List<Long> completionIds, String reason) {
        Caller caller = security.require(CompletionPermissions.APPROVE);
        return decideAll(completionIds, caller, CompletionRules.reason(reason));
    }

    private int decideAll(List<Long> completionIds, Caller caller, String rejection) {
        List<Long> ids = decidable(completionIds);
        return tx((em, c) -> {
            List<Completion> found = awaitingApproval(c, ids, rejection == null ? "approved" : "rejected");
            Map<Long, Target> targets = new HashMap<>();
            for (Completion cp : found) {
                decide(c, cp, caller, rejection, targets);
            }
            return found.size();
        });
    }

    @Override
    public List<Completion> approveWithoutEarning(Connection connection, Collection<Long> completionIds) {
        Caller caller = security.require(CompletionPermissions.APPROVE);
        List<Long> ids = decidable(completionIds == null ? null : new ArrayList<>(completionIds));
        try {
            List<CompletionStore.Decision> decisions = new ArrayList<>();
            List<AuditEntry> entries = new ArrayList<>();
            List<Completion> approved = new ArrayList<>();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
            for (Completion cp : awaitingApproval(connection, ids, "approved")) {
                CompletionStatus to = CompletionRules.approve(cp.status());
                decisions.add(new CompletionStore.Decision(cp.id(), cp.version(), to, null));
                entries.add(new AuditEntry(AUDIT_TYPE, cp.id(), "approved", Changes.of().field("status", cp.status(),
                        to)));
                approved.add(new Completion(cp.id(), cp.enrollmentId(), cp.requirementId(), cp.offeringId(),
                        cp.completedOn(), cp.notes(), cp.grade(), to, null, cp.recordedBy(), cp.recordedAt(),
                        caller.userName(), now, cp.version() + 1));
            }
            // one batch for the updates and one for the audit: a chunk of applicants costs a few statements; what
            // was written is returned as built, not read again (a second read by id per chunk, seen in
            // pg_stat_statements); decideAll refuses any row that changed since it was read
            CompletionStore.decideAll(connection, decisions, caller.userName(), now);
            audit.recordAll(connection, entries);
            return approved;
        } catch (SQLException e) {
            throw new IllegalStateException("The completions could not be read or written: " + e.getMessage(), e);
        }
    }

    /** The ids of a decision on many, each once. */
    private static List<Long> decidable(List<Long> completionIds) {
        if (completionIds == null || completionIds.isEmpty() || completionIds.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("Choose at least one completion.");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(completionIds));
        if (ids.size() > MAX_DECIDE) {
            throw new IllegalArgumentException("At most " + MAX_DECIDE + " completions can be decided at once.");
        }
        return ids;
    }

    /** The completions, every one awaiting approval, or a refusal naming those that are not. */
    private static List<Completion> awaitingApproval(Connection c, List<Long> ids, String decision)
            throws SQLException {
        List<Completion> found = CompletionStore.byIds(c, ids);
        Set<Long> refused = new TreeSet<>(ids);
        found.stream().filter(cp -> cp.status() == CompletionStatus.AWAITING_APPROVAL)
                .forEach(cp -> refused.remove(cp.id()));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("These completions are not awaiting approval (any more): "
                    + refused.stream().limit(50).map(String::valueOf).collect(Collectors.joining(", "))
                    + (refused.size() > 50 ? ", …" : "") + ". Nothing was " + decision + ".");
        }
        return found;
    }

    /** Approves (no reason) or rejects one completion, audited; an approval may earn the enrollment. */
    private void decide(Connection c, Completion cp, Caller caller, String rejection, Map<Long, Target> targets)
            throws SQLException {
        CompletionStatus to = rejection == null ? CompletionRules.approve(cp.status())
                : CompletionRules.reject(cp.status());
        CompletionStore.decide(c, cp.id(), cp.version(), to, rejection, caller.userName(), clock.instant());
        Changes changes = Changes.of().field("status", cp.status(), to);
        if (rejection != null) {
            changes.field("reason", null, rejection);
        }
        audit.record(c, AUDIT_TYPE, cp.id(), rejection == null ? "approved" : "rejected", changes);
        if (to == CompletionStatus.COMPLETE) {
            earnAfter(c, targets.computeIfAbsent(cp.enrollmentId(), this::target), cp.enrollmentId());
        }
    }

    /** Earns the enrollment when, as stored now in this transaction, every requirement is complete. */
    private void earnAfter(Connection c, Target t, long enrollmentId) throws SQLException {
        List<Completion> recorded = CompletionStore.ofEnrollment(c, enrollmentId);
        earning.earnIfComplete(c, t.enrollment(), programName(t.enrollment().programId()), t.requirements(),
                statuses(recorded), dates(recorded));
    }

    @Override
    public Page<PendingApproval> pending(ApprovalFilter filter, PageRequest page) {
        security.require(CompletionPermissions.APPROVE);
        return sql(c -> CompletionStore.pending(c, filter, page));
    }

    @Override
    public FileDownload download(long fileId) {
        security.require(CompletionPermissions.READ_FILES);
        return sql(c -> FileStore.load(c, fileId))
                .orElseThrow(() -> new IllegalArgumentException("No file with id " + fileId + "."));
    }

    @Override
    public ImportReport importCsv(Reader csv, ImportMode mode) {
        Caller caller = security.require(CompletionPermissions.IMPORT);
        if (csv == null || mode == null) {
            throw new IllegalArgumentException("Give the CSV file and what to do with bad rows.");
        }
        CompletionImport.Plan plan = sql(c -> new CompletionImport(programs, contacts, enrollments, today()).plan(c,
                CompletionImport.parse(csv)));
        boolean importing = mode == ImportMode.GOOD_ROWS_ONLY || (mode == ImportMode.ALL_OR_NOTHING
                && plan.errors().isEmpty());
        if (!importing) {
            return new ImportReport(plan.rows(), 0, 0, plan.errors());
        }
        int imported = 0;
        int earned = 0;
        Map<Long, String> programNames = new HashMap<>();
        for (List<CompletionImport.Good> chunk : Sql.parts(plan.good(), IMPORT_CHUNK)) {
            int[] done = jpa.txExpr(TransactionType.Required, em -> {
                try {
                    return importChunk(em, chunk, caller, programNames);
                } catch (SQLException e) {
                    throw new IllegalStateException("Importing failed: " + e.getMessage(), e);
                }
            });
            imported += done[0];
            earned += done[1];
        }
        return new ImportReport(plan.rows(), imported, earned, plan.errors());
    }

    /** @return rows stored and enrollments earned */
    private int[] importChunk(EntityManager em, List<CompletionImport.Good> chunk, Caller caller,
            Map<Long, String> programNames) throws SQLException {
        Connection c = em.unwrap(Connection.class);
        Instant now = clock.instant();
        List<CompletionStore.NewCompletion> inserts = new ArrayList<>();
        List<CompletionStore.Again> again = new ArrayList<>();
        for (CompletionImport.Good g : chunk) {
            Completion existing = g.existing();
            if (existing == null) {
                inserts.add(new CompletionStore.NewCompletion(Ids.next(em), g.enrollment().id(),
                        g.enrollment().programId(), g.requirement().id(), g.requirement().title(), null, g.date(),
                        null, g.grade(), g.status(), caller.userName(), now));
            } else {
                again.add(new CompletionStore.Again(existing.id(), existing.version(), existing.offeringId(),
                        g.date(), existing.notes(), g.grade(), g.status(), caller.userName(), now));
            }
        }
        CompletionStore.insert(c, inserts);
        CompletionStore.recordAgain(c, again);
        audit.record(c, AUDIT_TYPE, "import", "imported " + chunk.size(), Changes.of()
                .field("rows", null, chunk.size()).field("lines", null, chunk.get(0).line() + "–"
                        + chunk.get(chunk.size() - 1).line()));
        // the enrollments this chunk may have completed, judged by what is stored now
        Map<Long, CompletionImport.Good> byEnrollment = new HashMap<>();
        chunk.stream().filter(g -> g.status() == CompletionStatus.COMPLETE)
                .forEach(g -> byEnrollment.putIfAbsent(g.enrollment().id(), g));
        int earned = 0;
        if (!byEnrollment.isEmpty()) {
            // what earning needs of each, in one statement: status and date per requirement
            Map<Long, List<CompletionStore.Outcome>> stored = CompletionStore.outcomesOf(c, new ArrayList<>(
                    byEnrollment.keySet())).stream().collect(Collectors.groupingBy(
                            CompletionStore.Outcome::enrollmentId));
            List<Earning.Candidate> candidates = new ArrayList<>();
            for (CompletionImport.Good g : byEnrollment.values()) {
                Map<Long, CompletionStatus> statuses = new HashMap<>();
                Map<Long, LocalDate> dates = new HashMap<>();
                for (CompletionStore.Outcome o : stored.getOrDefault(g.enrollment().id(), List.of())) {
                    statuses.put(o.requirementId(), o.status());
                    dates.put(o.requirementId(), o.completedOn());
                }
                candidates.add(new Earning.Candidate(g.enrollment(), programNames.computeIfAbsent(
                        g.enrollment().programId(), this::programName), g.requirements(), statuses, dates));
            }
            earned = earning.earnAll(c, candidates);
        }
        return new int[] { chunk.size(), earned };
    }

    private static void checkOpen(Enrollment e) {
        if (e.status() != CertificationStatus.IN_PROGRESS) {
            throw new IllegalArgumentException("Completions are recorded for enrollments in progress; this one is "
                    + e.status().title().toLowerCase(Locale.ROOT) + ".");
        }
    }

    private static Long offering(Requirement r, Long offeringId) {
        if (r.offerings().isEmpty()) {
            if (offeringId != null) {
                throw new IllegalArgumentException("The requirement " + r.title() + " has no offerings; record it"
                        + " for the requirement itself.");
            }
            return null;
        }
        if (offeringId == null) {
            throw new IllegalArgumentException("Choose the offering of " + r.title() + " that was completed.");
        }
        if (r.offerings().stream().map(Offering::id).noneMatch(offeringId::equals)) {
            throw new IllegalArgumentException("The offering " + offeringId + " is not one of " + r.title() + ".");
        }
        return offeringId;
    }

    private static Completion current(Connection c, long completionId, long expectedVersion) throws SQLException {
        Completion cp = CompletionStore.existing(c, completionId);
        // Complete is read-only whatever the caller last saw
        CompletionRules.checkChangeable(cp.status());
        if (cp.version() != expectedVersion) {
            throw new ConcurrentModificationException(CompletionStore.STALE);
        }
        return cp;
    }

    static Map<Long, CompletionStatus> statuses(List<Completion> recorded) {
        Map<Long, CompletionStatus> statuses = new HashMap<>();
        recorded.forEach(cp -> statuses.put(cp.requirementId(), cp.status()));
        return statuses;
    }

    private static Map<Long, LocalDate> dates(List<Completion> recorded) {
        Map<Long, LocalDate> dates = new HashMap<>();
        recorded.forEach(cp -> dates.put(cp.requirementId(), cp.completedOn()));
        return dates;
    }

    /** SQL on the connection of a transaction of this unit. */
    private <R> R sql(SqlWork<R> work) {
        return tx((em, c) -> work.run(c));
    }

    private <R> R tx(TxWork<R> work) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return work.run(em, em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException("The completions could not be read or written: " + e.getMessage(), e);
            }
        });
    }

    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    interface TxWork<R> {
        R run(EntityManager em, Connection connection) throws SQLException;
    }
}
