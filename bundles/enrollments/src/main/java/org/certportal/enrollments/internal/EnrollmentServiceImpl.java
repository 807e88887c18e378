package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.CompletionDeadline;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrolleeRow;
import org.certportal.enrollments.api.EnrollResult;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentDataOwner;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.enrollments.api.Refusal;
import org.certportal.enrollments.api.RequirementProgress;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.enrollments.api.Trackers;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.SettingsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Enrollments in the portal database, through Aries JPA; lists and counts in SQL on the
 * transaction's connection. Immediate: the schema is migrated when the bundle starts, and a failed
 * migration leaves the service unregistered (logged by SCR).
 */
@Component(immediate = true)
public class EnrollmentServiceImpl implements EnrollmentService {
    static final String CHANGELOG = "db/enrollments.changelog.xml";
    /** Contacts per transaction of enroll: two lookups (array parameters) and one JDBC batch of rows each. */
    static final int CHUNK = 5000;
    static final int MAX_REASON = 500;
    static final int MAX_PURGE = 10_000;

    private final JpaTemplate jpa;
    private final SecurityService security;
    private final ProgramService programs;
    private final AuditLog audit;
    private final Clock clock;
    private final StatusChanges statusChanges;
    private final List<EnrollmentDataOwner> dataOwners = new CopyOnWriteArrayList<>();
    private volatile SettingsService settings;
    private volatile RequirementProgress progress;

    @Activate
    public EnrollmentServiceImpl(@Reference(target = "(osgi.unit.name=certportal-enrollments)") JpaTemplate jpa,
            @Reference SecurityService security, @Reference SchemaMigrator migrator, @Reference AuditLog audit,
            @Reference ProgramService programs) {
        this(jpa, security, migrator, audit, programs, Clock.systemUTC());
    }

    /** With a clock of one's choosing (tests count trackers on chosen days). */
    EnrollmentServiceImpl(JpaTemplate jpa, SecurityService security, SchemaMigrator migrator, AuditLog audit,
            ProgramService programs, Clock clock) {
        migrator.migrate(EnrollmentServiceImpl.class, CHANGELOG);
        this.jpa = jpa;
        this.security = security;
        this.audit = audit;
        this.programs = programs;
        this.clock = clock;
        this.statusChanges = new StatusChanges(audit, clock);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setSettings(SettingsService service) {
        settings = service;
    }

    void unsetSettings(SettingsService service) {
        if (settings == service) {
            settings = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setProgress(RequirementProgress service) {
        progress = service;
    }

    void unsetProgress(RequirementProgress service) {
        if (progress == service) {
            progress = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDataOwner(EnrollmentDataOwner owner) {
        dataOwners.add(owner);
    }

    void removeDataOwner(EnrollmentDataOwner owner) {
        dataOwners.remove(owner);
    }

    @Override
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    private ZoneId zone() {
        SettingsService s = settings;
        if (s == null) {
            return ZoneOffset.UTC;
        }
        try {
            return s.current().timeZone();
        } catch (AccessDeniedException e) {
            // callers without portal access (shell, system) still count in the organisation's days when they can;
            // otherwise UTC is the honest default
            return ZoneOffset.UTC;
        }
    }

    @Override
    public Trackers trackers(long programId) {
        security.require(EnrollmentPermissions.READ);
        LocalDate today = today();
        return sql(c -> EnrollmentQueries.trackers(c, programId, today));
    }

    @Override
    public Page<EnrolleeRow> enrollees(long programId, EnrolleeFilter filter, PageRequest page) {
        security.require(EnrollmentPermissions.READ);
        LocalDate today = today();
        return sql(c -> EnrollmentQueries.enrollees(c, programId, filter, page, today));
    }

    @Override
    public EnrollResult enroll(long programId, List<Long> contactIds, LocalDate enrolledOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = today();
        LocalDate date = EnrollmentDates.enrollmentDate(enrolledOn, today);
        if (missing(contactIds)) {
            throw new IllegalArgumentException("Choose at least one contact to enroll.");
        }
        if (contactIds.size() > MAX_ENROLL) {
            throw new IllegalArgumentException("At most " + MAX_ENROLL + " contacts can be enrolled at once.");
        }
        Program program = programs.find(programId)
                .orElseThrow(() -> new IllegalArgumentException("No program with id " + programId + "."));
        if (program.status() != ProgramStatus.ACTIVE) {
            throw new IllegalArgumentException("The program " + program.name() + " is "
                    + program.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "; only Active programs accept enrollments.");
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(contactIds));
        ensureProgramLock(program.id());
        List<Enrollment> enrolled = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            jpa.tx(TransactionType.Required, em -> enrollChunk(em, program, chunk, date, today, enrolled, refused));
        }
        return new EnrollResult(enrolled, refused);
    }

    /** The program's lock row, made by its first enroll (a second maker at the same moment retries and finds it). */
    private void ensureProgramLock(long programId) {
        for (int attempt = 1;; attempt++) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    try {
                        EnrollmentQueries.createProgramLock(em.unwrap(Connection.class), programId);
                    } catch (SQLException e) {
                        throw new IllegalStateException("Creating the enrolling lock failed: " + e.getMessage(), e);
                    }
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private void enrollChunk(EntityManager em, Program program, List<Long> chunk, LocalDate date, LocalDate today,
            List<Enrollment> enrolled, List<Refusal> refused) {
        Connection c = em.unwrap(Connection.class);
        Set<Long> existing;
        Map<Long, List<Enrollment>> prior;
        try {
            EnrollmentQueries.lockProgram(c, program.id());
            existing = EnrollmentQueries.existingContacts(c, chunk);
            prior = EnrollmentQueries.priorEnrollments(c, program.id(), chunk).stream()
                    .collect(Collectors.groupingBy(Enrollment::contactId));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading enrollments failed: " + e.getMessage(), e);
        }
        List<EnrollmentBatchInsert.NewEnrollment> rows = new ArrayList<>();
        List<Refusal> chunkRefused = new ArrayList<>();
        for (Long contactId : chunk) {
            EnrollmentRules.Decision d = EnrollmentRules.decide(existing.contains(contactId),
                    prior.getOrDefault(contactId, List.of()), program.options(), date, today);
            if (d.refusal() != null) {
                chunkRefused.add(new Refusal(contactId, d.refusal()));
            } else {
                rows.add(new EnrollmentBatchInsert.NewEnrollment(contactId, program.id(), program.ruleVersion(),
                        d.terms()));
            }
        }
        List<Enrollment> inserted = EnrollmentBatchInsert.insert(em, rows, clock.instant());
        Changes changes = Changes.of().field("program", null, program.code()).field("enrolledOn", null, date)
                .field("enrolled", null, inserted.size());
        if (!chunkRefused.isEmpty()) {
            changes.field("refused", null, chunkRefused.stream().map(r -> r.contactId() + ": " + r.reason())
                    .collect(Collectors.joining("; ")));
        }
        audit.record(em, StatusChanges.AUDIT_TYPE, "program " + program.id(), "enrolled " + inserted.size(), changes);
        // only once the chunk's transaction is sure to commit (the audit entry was the last step)
        enrolled.addAll(inserted);
        refused.addAll(chunkRefused);
    }

    @Override
    public Optional<Enrollment> find(long enrollmentId) {
        security.require(EnrollmentPermissions.READ);
        return jpa.txExpr(TransactionType.Required, em -> Optional
                .ofNullable(em.find(EnrollmentEntity.class, enrollmentId)).map(EnrollmentEntity::toEnrollment));
    }

    @Override
    public Map<Long, Enrollment> inProgress(long programId, java.util.Collection<Long> contactIds) {
        return new InProgressLookup(jpa, security).find(programId, contactIds);
    }

    @Override
    public List<Enrollment> enrollmentsOf(long contactId) {
        security.require(EnrollmentPermissions.READ);
        return sql(c -> EnrollmentQueries.ofContact(c, contactId));
    }

    @Override
    public List<ProgramSummary> openPrograms(long contactId) {
        security.require(EnrollmentPermissions.READ);
        LocalDate today = today();
        Map<Long, List<Enrollment>> prior = sql(c -> EnrollmentQueries.ofContact(c, contactId)).stream()
                .collect(Collectors.groupingBy(Enrollment::programId));
        List<ProgramSummary> open = new ArrayList<>();
        // Active programs are tens, not thousands: page through all of them
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            Page<ProgramSummary> page = programs.search(null, ProgramStatus.ACTIVE,
                    new PageRequest(offset, PageRequest.MAX_LIMIT, ProgramService.SORT_NAME, true));
            for (ProgramSummary p : page.items()) {
                List<Enrollment> before = prior.getOrDefault(p.id(), List.of());
                // only programs the contact was in before can refuse them; only those need the options
                if (before.isEmpty() || programs.find(p.id()).map(full -> EnrollmentRules.decide(true, before,
                        full.options(), today, today).refusal() == null).orElse(false)) {
                    open.add(p);
                }
            }
            if (page.items().size() < PageRequest.MAX_LIMIT) {
                return open;
            }
        }
    }

    @Override
    public List<ProgressStep> progress(long enrollmentId) {
        security.require(EnrollmentPermissions.READ);
        return steps(load(enrollmentId));
    }

    private List<ProgressStep> steps(Enrollment e) {
        ProgramRules rules = programs.rules(e.programId(), e.ruleVersion());
        RequirementProgress source = progress;
        Map<Long, RequirementState> states = source == null ? Map.of() : source.states(e.id());
        return rules.requirements().stream()
                .sorted(Comparator.comparingInt(org.certportal.programs.api.Requirement::position))
                .map(r -> new ProgressStep(r, states.getOrDefault(r.id(), RequirementState.none()))).toList();
    }

    @Override
    public CompletionDeadline deadline(Enrollment e) {
        security.require(EnrollmentPermissions.READ);
        return EnrollmentDates.deadline(e.status(), e.gracePeriodBegins(), e.expiresOn(), e.earnedOn(), today());
    }

    @Override
    public Enrollment editDates(long enrollmentId, long expectedVersion, LocalDate enrolledOn,
            LocalDate gracePeriodBegins, LocalDate expiresOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = today();
        return jpa.txExpr(TransactionType.Required, em -> {
            EnrollmentEntity entity = current(em, enrollmentId, expectedVersion);
            Enrollment before = entity.toEnrollment();
            if (Standings.CLOSED.contains(before.status()) || before.status() == CertificationStatus.EXPIRED) {
                throw new IllegalArgumentException("The dates of an enrollment that is "
                        + before.status().title().toLowerCase(java.util.Locale.ROOT) + " cannot be changed.");
            }
            entity.dates(EnrollmentDates.checkEdit(new EnrollmentDates.Dates(enrolledOn, gracePeriodBegins, expiresOn),
                    before.earnedOn() != null, today));
            em.flush();
            Enrollment after = entity.toEnrollment();
            Changes changes = Changes.of().field("enrolledOn", before.enrolledOn(), after.enrolledOn())
                    .field("gracePeriodBegins", before.gracePeriodBegins(), after.gracePeriodBegins())
                    .field("expiresOn", before.expiresOn(), after.expiresOn());
            if (!changes.isEmpty()) {
                audit.record(em, StatusChanges.AUDIT_TYPE, enrollmentId, "dates changed", changes);
            }
            return after;
        });
    }

    @Override
    public Enrollment approve(long enrollmentId, long expectedVersion) {
        security.require(EnrollmentPermissions.EDIT);
        return jpa.txExpr(TransactionType.Required, em -> {
            EnrollmentEntity entity = current(em, enrollmentId, expectedVersion);
            if (entity.status() != CertificationStatus.APPLIED) {
                throw new IllegalArgumentException("Only an application (status Applied) can be approved.");
            }
            return statusChanges.change(em, entity, CertificationStatus.IN_PROGRESS, null, e -> {
            });
        });
    }

    @Override
    public Enrollment decline(long enrollmentId, long expectedVersion, String reason) {
        security.require(EnrollmentPermissions.EDIT);
        String why = reason(reason);
        return jpa.txExpr(TransactionType.Required, em -> statusChanges.change(em,
                current(em, enrollmentId, expectedVersion), CertificationStatus.DECLINED, why, e -> {
                }));
    }

    @Override
    public Enrollment markEarned(long enrollmentId, LocalDate earnedOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = today();
        return jpa.txExpr(TransactionType.Required, em -> {
            EnrollmentEntity entity = existing(em, enrollmentId);
            Enrollment e = entity.toEnrollment();
            if (earnedOn == null || earnedOn.isAfter(today) || earnedOn.isBefore(e.enrolledOn())) {
                throw new IllegalArgumentException("The date earned must lie between the enrollment date ("
                        + e.enrolledOn() + ") and today.");
            }
            ProgramOptions options = programs.rules(e.programId(), e.ruleVersion()).options();
            CertificationStatus to = options.adminReviewOfCertification() ? CertificationStatus.ADMIN_REVIEW
                    : CertificationStatus.ACTIVE;
            if (e.status() != CertificationStatus.IN_PROGRESS) {
                throw new IllegalArgumentException("Only an enrollment in progress can be earned; this one is "
                        + e.status().title().toLowerCase(java.util.Locale.ROOT) + ".");
            }
            return statusChanges.change(em, entity, to, null, x -> x.earned(earnedOn,
                    EnrollmentDates.certificationExpires(earnedOn, options.validityMonths())));
        });
    }

    @Override
    public Enrollment markEarned(Connection connection, long enrollmentId, LocalDate earnedOn) {
        return markEarned(connection, Map.of(enrollmentId, earnedOn == null ? LocalDate.MIN : earnedOn)).get(0);
    }

    @Override
    public List<Enrollment> markEarned(Connection connection, Map<Long, LocalDate> earnedOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = today();
        try {
            List<Long> ids = new ArrayList<>(new TreeSet<>(earnedOn.keySet()));
            Map<Long, Enrollment> found = EnrollmentQueries.byIds(connection, ids).stream()
                    .collect(Collectors.toMap(Enrollment::id, e -> e));
            Map<String, ProgramOptions> options = new HashMap<>();
            Map<CertificationStatus, List<StatusChanges.Bulk>> byTarget = new HashMap<>();
            for (Long id : ids) {
                Enrollment e = found.get(id);
                if (e == null) {
                    throw new IllegalArgumentException("No enrollment with id " + id + ".");
                }
                LocalDate on = earnedOn.get(id);
                if (on == null || on.isAfter(today) || on.isBefore(e.enrolledOn())) {
                    throw new IllegalArgumentException("The date earned must lie between the enrollment date ("
                            + e.enrolledOn() + ") and today.");
                }
                if (e.status() != CertificationStatus.IN_PROGRESS) {
                    throw new IllegalArgumentException("Only an enrollment in progress can be earned; this one is "
                            + e.status().title().toLowerCase(java.util.Locale.ROOT) + ".");
                }
                ProgramOptions o = options.computeIfAbsent(e.programId() + "/" + e.ruleVersion(),
                        k -> programs.rules(e.programId(), e.ruleVersion()).options());
                byTarget.computeIfAbsent(o.adminReviewOfCertification() ? CertificationStatus.ADMIN_REVIEW
                        : CertificationStatus.ACTIVE, k -> new ArrayList<>()).add(new StatusChanges.Bulk(e, on,
                                EnrollmentDates.certificationExpires(on, o.validityMonths())));
            }
            for (Map.Entry<CertificationStatus, List<StatusChanges.Bulk>> target : byTarget.entrySet()) {
                statusChanges.changeAll(connection, target.getValue(), target.getKey());
            }
            return EnrollmentQueries.byIds(connection, ids);
        } catch (SQLException ex) {
            throw new IllegalStateException("The enrollments could not be marked earned: " + ex.getMessage(), ex);
        }
    }

    @Override
    public int markEarnedAll(List<Long> enrollmentIds, LocalDate earnedOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = today();
        if (earnedOn == null || earnedOn.isAfter(today)) {
            throw new IllegalArgumentException("The date earned is required and cannot be in the future.");
        }
        if (missing(enrollmentIds)) {
            throw new IllegalArgumentException("Choose at least one enrollment to mark earned.");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(enrollmentIds));
        List<Enrollment> rows = sql(c -> EnrollmentQueries.byIds(c, ids));
        Set<Long> found = rows.stream().map(Enrollment::id).collect(Collectors.toSet());
        Set<Long> refused = new TreeSet<>(ids);
        refused.removeAll(found);
        rows.stream().filter(e -> e.status() != CertificationStatus.IN_PROGRESS || e.enrolledOn().isAfter(earnedOn))
                .forEach(e -> refused.add(e.id()));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("These enrollments are not in progress since " + earnedOn
                    + " or do not exist: " + refused.stream().limit(50).map(String::valueOf)
                            .collect(Collectors.joining(", ")) + (refused.size() > 50 ? ", …" : "")
                    + ". Nothing was marked earned.");
        }
        Map<String, ProgramOptions> options = new HashMap<>();
        Map<CertificationStatus, List<StatusChanges.Bulk>> byTarget = new HashMap<>();
        for (Enrollment e : rows) {
            ProgramOptions o = options.computeIfAbsent(e.programId() + "/" + e.ruleVersion(),
                    k -> programs.rules(e.programId(), e.ruleVersion()).options());
            byTarget.computeIfAbsent(o.adminReviewOfCertification() ? CertificationStatus.ADMIN_REVIEW
                    : CertificationStatus.ACTIVE, k -> new ArrayList<>()).add(new StatusChanges.Bulk(e, earnedOn,
                            EnrollmentDates.certificationExpires(earnedOn, o.validityMonths())));
        }
        int changed = 0;
        for (Map.Entry<CertificationStatus, List<StatusChanges.Bulk>> target : byTarget.entrySet()) {
            for (List<StatusChanges.Bulk> chunk : EnrollmentQueries.parts(target.getValue())) {
                changed += sql(c -> statusChanges.changeAll(c, chunk, target.getKey()));
            }
        }
        return changed;
    }

    @Override
    public boolean mayCancel(long enrollmentId) {
        security.require(EnrollmentPermissions.READ);
        Enrollment e = load(enrollmentId);
        return StatusRules.allowed(e.status(), CertificationStatus.CANCELLED) && cancelAllowed(e);
    }

    private boolean cancelAllowed(Enrollment e) {
        if (security.isPermitted(EnrollmentPermissions.CANCEL_ANY)) {
            return true;
        }
        return CancelPolicy.allows(false, security.isPermitted(EnrollmentPermissions.EDIT),
                programs.rules(e.programId(), e.ruleVersion()).options().enrolleesMayCancel());
    }

    @Override
    public Enrollment cancel(long enrollmentId, long expectedVersion, String reason) {
        security.require(EnrollmentPermissions.EDIT);
        String why = reason(reason);
        if (!cancelAllowed(load(enrollmentId))) {
            throw new AccessDeniedException(CancelPolicy.REFUSED, EnrollmentPermissions.CANCEL_ANY);
        }
        return jpa.txExpr(TransactionType.Required, em -> statusChanges.change(em,
                current(em, enrollmentId, expectedVersion), CertificationStatus.CANCELLED, why, e -> {
                }));
    }

    @Override
    public Page<PurgeCandidate> purgeCandidates(Long programId, String text, PageRequest page) {
        security.require(EnrollmentPermissions.PURGE);
        LocalDate today = today();
        return sql(c -> EnrollmentQueries.purgeCandidates(c, programId, text, page, today));
    }

    @Override
    public int purge(List<Long> enrollmentIds) {
        security.require(EnrollmentPermissions.PURGE);
        if (missing(enrollmentIds)) {
            throw new IllegalArgumentException("Choose at least one enrollment to purge.");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(enrollmentIds));
        if (ids.size() > MAX_PURGE) {
            throw new IllegalArgumentException("At most " + MAX_PURGE + " enrollments can be purged at once.");
        }
        LocalDate today = today();
        return jpa.txExpr(TransactionType.Required, em -> {
            Connection c = em.unwrap(Connection.class);
            try {
                Set<Long> purgeable = EnrollmentQueries.purgeable(c, ids, today);
                Set<Long> refused = new TreeSet<>(ids);
                refused.removeAll(purgeable);
                if (!refused.isEmpty()) {
                    throw new IllegalArgumentException("These enrollments are not inactive, expired or cancelled (or"
                            + " no longer exist) and cannot be purged: " + refused.stream().limit(50).map(String::valueOf)
                                    .collect(Collectors.joining(", ")) + (refused.size() > 50 ? ", …" : "")
                            + ". Nothing was purged.");
                }
                // the features holding data per enrollment first, in this same transaction
                for (EnrollmentDataOwner owner : dataOwners) {
                    owner.purge(c, List.copyOf(ids));
                }
                for (Enrollment e : EnrollmentQueries.byIds(c, ids)) {
                    audit.record(c, StatusChanges.AUDIT_TYPE, e.id(), "purged", Changes.of()
                            .field("contact", e.contactId(), null).field("program", e.programId(), null)
                            .field("status", e.status(), null).field("enrolledOn", e.enrolledOn(), null));
                }
                EnrollmentQueries.delete(c, ids);
                return ids.size();
            } catch (SQLException e) {
                throw new IllegalStateException("Purging failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public byte[] transcript(long contactId) {
        security.require(EnrollmentPermissions.TRANSCRIPT);
        String[] contact = sql(c -> EnrollmentQueries.contact(c, contactId));
        if (contact == null) {
            throw new IllegalArgumentException("No contact with id " + contactId + ".");
        }
        Map<Long, String> programNames = new HashMap<>();
        List<TranscriptPdf.Entry> entries = new ArrayList<>();
        for (Enrollment e : sql(c -> EnrollmentQueries.ofContact(c, contactId))) {
            String program = programNames.computeIfAbsent(e.programId(), id -> programs.find(id)
                    .map(p -> p.name() + " (" + p.code() + ")").orElse("Program " + id));
            entries.add(new TranscriptPdf.Entry(program, e, steps(e)));
        }
        return TranscriptPdf.render(contact[0], contact[1], today(), entries);
    }

    private Enrollment load(long enrollmentId) {
        return jpa.txExpr(TransactionType.Required, em -> existing(em, enrollmentId).toEnrollment());
    }

    private static EnrollmentEntity existing(EntityManager em, long enrollmentId) {
        EnrollmentEntity entity = em.find(EnrollmentEntity.class, enrollmentId);
        if (entity == null) {
            throw new IllegalArgumentException("No enrollment with id " + enrollmentId + ".");
        }
        return entity;
    }

    private static EnrollmentEntity current(EntityManager em, long enrollmentId, long expectedVersion) {
        EnrollmentEntity entity = existing(em, enrollmentId);
        if (entity.version() != expectedVersion) {
            throw new ConcurrentModificationException("The enrollment was changed by someone else since you opened"
                    + " it; reload it and make your change again.");
        }
        return entity;
    }

    /** No ids, or a gap among them. */
    private static boolean missing(List<Long> ids) {
        return ids == null || ids.isEmpty() || ids.stream().anyMatch(java.util.Objects::isNull);
    }

    private static String reason(String reason) {
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason is too long: at most " + MAX_REASON + " characters.");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** SQL on the connection of a transaction of this unit. */
    private <R> R sql(SqlWork<R> work) {
        return jpa.txExpr(TransactionType.Required, em -> {
            try {
                return work.run(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException("The enrollments could not be read or written: " + e.getMessage(), e);
            }
        });
    }

    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }
}
