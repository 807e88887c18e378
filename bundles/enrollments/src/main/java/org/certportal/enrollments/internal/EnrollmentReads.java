package org.certportal.enrollments.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.TransactionType;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.CompletionDeadline;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrolleeRow;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentDetails;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.enrollments.api.RequirementProgress;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.enrollments.api.Trackers;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.Requirement;
import org.certportal.security.api.SecurityService;

/** What pages show of enrollments: lists and counts in SQL, one enrollment with all it needs in one read. */
final class EnrollmentReads {
    private final EnrollmentStore store;
    private final SecurityService security;
    private final ProgramService programs;
    private final Supplier<RequirementProgress> progress;
    private final Supplier<LocalDate> today;

    EnrollmentReads(EnrollmentStore store, SecurityService security, ProgramService programs,
            Supplier<RequirementProgress> progress, Supplier<LocalDate> today) {
        this.store = store;
        this.security = security;
        this.programs = programs;
        this.progress = progress;
        this.today = today;
    }

    Trackers trackers(long programId) {
        security.require(EnrollmentPermissions.READ);
        LocalDate today = this.today.get();
        return store.sql(c -> EnrollmentQueries.trackers(c, programId, today));
    }

    Page<EnrolleeRow> enrollees(long programId, EnrolleeFilter filter, PageRequest page) {
        security.require(EnrollmentPermissions.READ);
        LocalDate today = this.today.get();
        return store.sql(c -> EnrollmentQueries.enrollees(c, programId, filter, page, today));
    }

    Optional<Enrollment> find(long enrollmentId) {
        security.require(EnrollmentPermissions.READ);
        return store.jpa().txExpr(TransactionType.Required, em -> Optional
                .ofNullable(em.find(EnrollmentEntity.class, enrollmentId)).map(EnrollmentEntity::toEnrollment));
    }

    Map<Long, Enrollment> findAll(Collection<Long> enrollmentIds) {
        security.require(EnrollmentPermissions.READ);
        List<Long> ids = enrollmentIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.sql(c -> EnrollmentQueries.byIds(c, ids)).stream().collect(Collectors.toMap(
                Enrollment::id, e -> e));
    }

    List<Enrollment> enrollmentsOf(long contactId) {
        security.require(EnrollmentPermissions.READ);
        return store.sql(c -> EnrollmentQueries.ofContact(c, contactId));
    }

    List<ProgressStep> progress(long enrollmentId) {
        security.require(EnrollmentPermissions.READ);
        Enrollment e = store.sql(c -> EnrollmentStore.existing(c, enrollmentId));
        return steps(e, programs.rules(e.programId(), e.ruleVersion()));
    }

    /** The requirements of these rules, in order, with the enrollee's state on each. */
    List<ProgressStep> steps(Enrollment e, ProgramRules rules) {
        RequirementProgress source = progress.get();
        Map<Long, RequirementState> states = source == null ? Map.of() : source.states(e.id());
        return rules.requirements().stream().sorted(Comparator.comparingInt(Requirement::position))
                .map(r -> new ProgressStep(r, states.getOrDefault(r.id(), RequirementState.none()))).toList();
    }

    CompletionDeadline deadline(Enrollment e) {
        security.require(EnrollmentPermissions.READ);
        return EnrollmentDates.deadline(e.status(), e.gracePeriodBegins(), e.expiresOn(), e.earnedOn(),
                today.get());
    }

    /** The row, its rules and its states each read once, in one transaction. */
    EnrollmentDetails details(long enrollmentId) {
        security.require(EnrollmentPermissions.READ);
        LocalDate today = this.today.get();
        return store.sql(c -> details(EnrollmentStore.existing(c, enrollmentId), today));
    }

    private EnrollmentDetails details(Enrollment e, LocalDate today) {
        ProgramRules rules = programs.rules(e.programId(), e.ruleVersion());
        boolean mayEdit = security.isPermitted(EnrollmentPermissions.EDIT);
        String cancelRefused = mayEdit
                ? CancelPolicy.refusal(e.status(), security.isPermitted(EnrollmentPermissions.CANCEL_ANY), true,
                        rules.options().enrolleesMayCancel())
                : "Not permitted: changing enrollments needs the right to edit them.";
        return new EnrollmentDetails(e, steps(e, rules), EnrollmentDates.deadline(e.status(), e.gracePeriodBegins(),
                e.expiresOn(), e.earnedOn(), today), today, mayEdit,
                mayEdit && e.status() == CertificationStatus.APPLIED, cancelRefused);
    }
}
