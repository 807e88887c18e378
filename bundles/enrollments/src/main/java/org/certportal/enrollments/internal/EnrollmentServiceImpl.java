package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.JpaTemplate;
import org.certportal.audit.api.AuditLog;
import org.certportal.enrollments.api.CompletionDeadline;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrolleeRow;
import org.certportal.enrollments.api.EnrollResult;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentDataOwner;
import org.certportal.enrollments.api.EnrollmentDetails;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.enrollments.api.RequirementProgress;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.enrollments.api.Trackers;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.api.SchemaMigrator;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.SettingsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The enrollment service: holds the references and hands each call to the class doing that job
 * ({@link Enrolling}, {@link EnrollmentReads}, {@link EnrollmentChanges} and {@link Earning} with
 * every status move through {@link StatusChanges}, {@link Purging}, {@link Transcripts}).
 * Immediate: the schema is migrated when the bundle starts, and a failed migration leaves the service
 * unregistered (logged by SCR).
 */
@Component(immediate = true)
public class EnrollmentServiceImpl implements EnrollmentService {
    static final String CHANGELOG = "db/enrollments.changelog.xml";

    private final JpaTemplate jpa;
    private final SecurityService security;
    private final Clock clock;
    private final List<EnrollmentDataOwner> dataOwners = new CopyOnWriteArrayList<>();
    private final Enrolling enrolling;
    private final EnrollmentReads reads;
    private final EnrollmentChanges changes;
    private final Earning earning;
    private final Purging purging;
    private final Transcripts transcripts;
    private final EnrollmentCounts counts;
    /** The organisation's time zone for "today"; the system's while settings are away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SettingsService settings;
    /** Completions' view of each requirement, when completions is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RequirementProgress progress;

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
        this.clock = clock;
        EnrollmentStore store = new EnrollmentStore(jpa);
        this.enrolling = new Enrolling(store, security, programs, audit, clock, this::today);
        this.reads = new EnrollmentReads(store, security, programs, () -> progress, this::today);
        StatusChanges statusChanges = new StatusChanges(audit, clock,
                () -> security.currentCaller().map(org.certportal.security.api.Caller::userName));
        this.changes = new EnrollmentChanges(store, security, programs, audit, statusChanges, this::today);
        this.earning = new Earning(store, security, programs, statusChanges, this::today);
        this.purging = new Purging(store, security, audit, dataOwners, this::today);
        this.transcripts = new Transcripts(store, security, programs, reads, this::today);
        this.counts = new EnrollmentCounts(store, security);
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
        return reads.trackers(programId);
    }

    @Override
    public Page<EnrolleeRow> enrollees(long programId, EnrolleeFilter filter, PageRequest page) {
        return reads.enrollees(programId, filter, page);
    }

    @Override
    public long countEnrolled(LocalDate from, LocalDate to) {
        return counts.enrolledBetween(from, to);
    }

    @Override
    public long countExpiring(LocalDate from, LocalDate to) {
        return counts.expiringBetween(from, to);
    }

    @Override
    public EnrollResult enroll(long programId, List<Long> contactIds, LocalDate enrolledOn) {
        return enrolling.enroll(programId, contactIds, enrolledOn);
    }

    @Override
    public Optional<Enrollment> find(long enrollmentId) {
        return reads.find(enrollmentId);
    }

    @Override
    public Map<Long, Enrollment> findAll(Collection<Long> enrollmentIds) {
        return reads.findAll(enrollmentIds);
    }

    @Override
    public Map<Long, Enrollment> inProgress(long programId, Collection<Long> contactIds) {
        return new InProgressLookup(jpa, security).find(programId, contactIds);
    }

    @Override
    public List<Enrollment> enrollmentsOf(long contactId) {
        return reads.enrollmentsOf(contactId);
    }

    @Override
    public List<ProgramSummary> openPrograms(long contactId) {
        return enrolling.openPrograms(contactId);
    }

    @Override
    public List<ProgressStep> progress(long enrollmentId) {
        return reads.progress(enrollmentId);
    }

    @Override
    public EnrollmentDetails details(long enrollmentId) {
        return reads.details(enrollmentId);
    }

    @Override
    public CompletionDeadline deadline(Enrollment e) {
        return reads.deadline(e);
    }

    @Override
    public Enrollment editDates(long enrollmentId, long expectedVersion, LocalDate enrolledOn,
            LocalDate gracePeriodBegins, LocalDate expiresOn) {
        return changes.editDates(enrollmentId, expectedVersion, enrolledOn, gracePeriodBegins, expiresOn);
    }

    @Override
    public Enrollment approve(long enrollmentId, long expectedVersion) {
        return changes.approve(enrollmentId, expectedVersion);
    }

    @Override
    public Enrollment decline(long enrollmentId, long expectedVersion, String reason) {
        return changes.decline(enrollmentId, expectedVersion, reason);
    }

    @Override
    public Enrollment markEarned(long enrollmentId, LocalDate earnedOn) {
        return earning.markEarned(enrollmentId, earnedOn);
    }

    @Override
    public Enrollment markEarned(Connection connection, long enrollmentId, LocalDate earnedOn) {
        return earning.markEarned(connection, Map.of(enrollmentId, earnedOn == null ? LocalDate.MIN : earnedOn))
                .get(0);
    }

    @Override
    public Enrollment markPaid(Connection connection, long enrollmentId, LocalDate paidOn) {
        return earning.markPaid(connection, enrollmentId, paidOn);
    }

    @Override
    public List<Enrollment> markEarned(Connection connection, Map<Long, LocalDate> earnedOn) {
        return earning.markEarned(connection, earnedOn);
    }

    @Override
    public int markEarnedAll(List<Long> enrollmentIds, LocalDate earnedOn) {
        return earning.markEarnedAll(enrollmentIds, earnedOn);
    }

    @Override
    public StatusChangeResult changeStatus(Connection connection, List<StatusChange> moves, String source) {
        return changes.changeStatus(connection, moves, source);
    }

    @Override
    public boolean mayCancel(long enrollmentId) {
        return changes.mayCancel(enrollmentId);
    }

    @Override
    public Enrollment cancel(long enrollmentId, long expectedVersion, String reason) {
        return changes.cancel(enrollmentId, expectedVersion, reason);
    }

    @Override
    public Page<PurgeCandidate> purgeCandidates(Long programId, String text, PageRequest page) {
        return purging.purgeCandidates(programId, text, page);
    }

    @Override
    public int purge(List<Long> enrollmentIds) {
        return purging.purge(enrollmentIds);
    }

    @Override
    public byte[] transcript(long contactId) {
        return transcripts.transcript(contactId);
    }
}
