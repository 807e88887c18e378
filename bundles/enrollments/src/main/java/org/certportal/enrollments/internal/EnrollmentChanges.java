package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.aries.jpa.template.TransactionType;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.StatusChange;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.SecurityService;

/**
 * Changes of existing enrollments by staff (dates, approve, decline, cancel) and the public
 * {@code changeStatus}: every status move goes through {@link StatusChanges} (earning is in
 * {@link Earning}). Each action reads the enrollment once, in the transaction that changes it.
 */
final class EnrollmentChanges {
    static final int MAX_REASON = 500;

    private final EnrollmentStore store;
    private final SecurityService security;
    private final ProgramService programs;
    private final AuditLog audit;
    private final StatusChanges statusChanges;
    private final Supplier<LocalDate> today;

    EnrollmentChanges(EnrollmentStore store, SecurityService security, ProgramService programs, AuditLog audit,
            StatusChanges statusChanges, Supplier<LocalDate> today) {
        this.store = store;
        this.security = security;
        this.programs = programs;
        this.audit = audit;
        this.statusChanges = statusChanges;
        this.today = today;
    }

    Enrollment editDates(long enrollmentId, long expectedVersion, LocalDate enrolledOn, LocalDate gracePeriodBegins,
            LocalDate expiresOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = this.today.get();
        return store.jpa().txExpr(TransactionType.Required, em -> {
            EnrollmentEntity entity = em.find(EnrollmentEntity.class, enrollmentId);
            if (entity == null) {
                throw new IllegalArgumentException("No enrollment with id " + enrollmentId + ".");
            }
            Enrollment before = EnrollmentStore.unchanged(entity.toEnrollment(), expectedVersion);
            if (Standings.CLOSED.contains(before.status()) || before.status() == CertificationStatus.EXPIRED) {
                throw new IllegalArgumentException("The dates of an enrollment that is "
                        + before.status().title().toLowerCase(Locale.ROOT) + " cannot be changed.");
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

    Enrollment approve(long enrollmentId, long expectedVersion) {
        security.require(EnrollmentPermissions.EDIT);
        return store.sql(c -> {
            Enrollment e = EnrollmentStore.current(c, enrollmentId, expectedVersion);
            if (e.status() != CertificationStatus.APPLIED) {
                throw new IllegalArgumentException("Only an application (status Applied) can be approved.");
            }
            return statusChanges.one(c, StatusChanges.Move.to(e, CertificationStatus.IN_PROGRESS, null));
        });
    }

    Enrollment decline(long enrollmentId, long expectedVersion, String reason) {
        security.require(EnrollmentPermissions.EDIT);
        String why = reason(reason);
        return store.sql(c -> statusChanges.one(c, StatusChanges.Move.to(EnrollmentStore.current(c, enrollmentId, expectedVersion),
                CertificationStatus.DECLINED, why)));
    }

    boolean mayCancel(long enrollmentId) {
        security.require(EnrollmentPermissions.READ);
        Enrollment e = store.sql(c -> EnrollmentStore.existing(c, enrollmentId));
        return StatusRules.allowed(e.status(), CertificationStatus.CANCELLED) && cancelAllowed(e);
    }

    /** The row read once and the program's rules at most once, in the transaction that cancels. */
    Enrollment cancel(long enrollmentId, long expectedVersion, String reason) {
        security.require(EnrollmentPermissions.EDIT);
        String why = reason(reason);
        return store.sql(c -> {
            Enrollment e = EnrollmentStore.existing(c, enrollmentId);
            if (!cancelAllowed(e)) {
                throw new AccessDeniedException(CancelPolicy.REFUSED, EnrollmentPermissions.CANCEL_ANY);
            }
            return statusChanges.one(c, StatusChanges.Move.to(EnrollmentStore.unchanged(e, expectedVersion),
                    CertificationStatus.CANCELLED, why));
        });
    }

    /** Certification admins always; others by the program's rules, read only then. */
    private boolean cancelAllowed(Enrollment e) {
        if (security.isPermitted(EnrollmentPermissions.CANCEL_ANY)) {
            return true;
        }
        return CancelPolicy.allows(false, security.isPermitted(EnrollmentPermissions.EDIT),
                programs.rules(e.programId(), e.ruleVersion()).options().enrolleesMayCancel());
    }

    /** The public door: ids and versions as the caller gives them, rows read once, moves as the table allows. */
    StatusChangeResult changeStatus(Connection connection, List<StatusChange> changes, String source) {
        security.require(EnrollmentPermissions.EDIT);
        if (changes == null || changes.isEmpty() || changes.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("Name at least one enrollment to move.");
        }
        Set<Long> seen = new HashSet<>();
        for (StatusChange change : changes) {
            if (!seen.add(change.enrollmentId())) {
                throw new IllegalArgumentException("Enrollment " + change.enrollmentId() + " is moved twice in one"
                        + " call; move it once.");
            }
            reason(change.reason());
        }
        try {
            Map<Long, Enrollment> found = EnrollmentQueries.byIds(connection, List.copyOf(seen)).stream()
                    .collect(Collectors.toMap(Enrollment::id, e -> e));
            List<StatusChanges.Move> moves = new ArrayList<>();
            List<StatusChangeResult.Refused> missing = new ArrayList<>();
            for (StatusChange change : changes) {
                Enrollment e = found.get(change.enrollmentId());
                if (e == null) {
                    missing.add(new StatusChangeResult.Refused(change.enrollmentId(), "No enrollment with id "
                            + change.enrollmentId() + "."));
                    continue;
                }
                if (change.expectedVersion() != null) {
                    EnrollmentStore.unchanged(e, change.expectedVersion());
                }
                StatusChanges.Move move = change.earned() == null ? StatusChanges.Move.to(e, change.to(),
                        reason(change.reason())) : new StatusChanges.Move(e, change.to(), change.earned().on(),
                                change.earned().expiresOn(), reason(change.reason()), false);
                moves.add(change.revert() ? move.asRevert() : move);
            }
            StatusChangeResult result = statusChanges.change(connection, moves, source, StatusChanges.Audit.EACH);
            List<StatusChangeResult.Refused> refused = new ArrayList<>(missing);
            refused.addAll(result.refused());
            return new StatusChangeResult(result.changed(), refused);
        } catch (SQLException e) {
            throw new IllegalStateException("The statuses could not be changed: " + e.getMessage(), e);
        }
    }

    static String reason(String reason) {
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason is too long: at most " + MAX_REASON + " characters.");
        }
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
