package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.TransactionType;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.EnrollResult;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.Refusal;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.SecurityService;

/**
 * Enrolling contacts in programs, in chunks of one transaction each that take turns on the
 * program's lock row, and which programs a contact may still enroll in.
 */
final class Enrolling {
    /** Contacts per transaction of enroll: two lookups (array parameters) and one JDBC batch of rows each. */
    static final int CHUNK = 5000;

    private final EnrollmentStore store;
    private final SecurityService security;
    private final ProgramService programs;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<LocalDate> today;

    Enrolling(EnrollmentStore store, SecurityService security, ProgramService programs, AuditLog audit, Clock clock,
            Supplier<LocalDate> today) {
        this.store = store;
        this.security = security;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
        this.today = today;
    }

    EnrollResult enroll(long programId, List<Long> contactIds, LocalDate enrolledOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = this.today.get();
        LocalDate date = EnrollmentDates.enrollmentDate(enrolledOn, today);
        if (EnrollmentStore.missing(contactIds)) {
            throw new IllegalArgumentException("Choose at least one contact to enroll.");
        }
        if (contactIds.size() > EnrollmentService.MAX_ENROLL) {
            throw new IllegalArgumentException("At most " + EnrollmentService.MAX_ENROLL
                    + " contacts can be enrolled at once.");
        }
        Program program = programs.find(programId)
                .orElseThrow(() -> new IllegalArgumentException("No program with id " + programId + "."));
        if (program.status() != ProgramStatus.ACTIVE) {
            throw new IllegalArgumentException("The program " + program.name() + " is "
                    + program.status().name().toLowerCase(Locale.ROOT) + "; only Active programs accept enrollments.");
        }
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(contactIds));
        ensureProgramLock(store, program.id());
        List<Enrollment> enrolled = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            store.jpa().tx(TransactionType.Required, em -> enrollChunk(em, program, chunk, date, today, enrolled,
                    refused));
        }
        return new EnrollResult(enrolled, refused);
    }

    /**
     * The program's lock row, made by its first enroll or application (a second maker at the same moment
     * retries and finds it).
     */
    static void ensureProgramLock(EnrollmentStore store, long programId) {
        for (int attempt = 1;; attempt++) {
            try {
                store.jpa().tx(TransactionType.Required, em -> {
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

    List<ProgramSummary> openPrograms(long contactId) {
        security.require(EnrollmentPermissions.READ);
        LocalDate today = this.today.get();
        Map<Long, List<Enrollment>> prior = store.sql(c -> EnrollmentQueries.ofContact(c, contactId)).stream()
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
}
