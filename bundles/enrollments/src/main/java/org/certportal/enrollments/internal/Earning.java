package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;

/**
 * Marking enrollments earned, one (staff, the completions feature in its own transaction) or many
 * at once (imports, mass certification): → Active, or Admin review when the rules say so, with the
 * certification's expiration date; → Awaiting payment instead when the certification has a fee, and
 * only {@link #markPaid} earns from there. Every move through {@link StatusChanges}.
 */
final class Earning {
    private final EnrollmentStore store;
    private final SecurityService security;
    private final ProgramService programs;
    private final StatusChanges statusChanges;
    private final Supplier<LocalDate> today;

    Earning(EnrollmentStore store, SecurityService security, ProgramService programs, StatusChanges statusChanges,
            Supplier<LocalDate> today) {
        this.store = store;
        this.security = security;
        this.programs = programs;
        this.statusChanges = statusChanges;
        this.today = today;
    }

    Enrollment markEarned(long enrollmentId, LocalDate earnedOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = this.today.get();
        return store.sql(c -> {
            Enrollment e = EnrollmentStore.existing(c, enrollmentId);
            checkEarnable(e, earnedOn, today);
            ProgramOptions options = programs.rules(e.programId(), e.ruleVersion()).options();
            return statusChanges.one(c, move(e, options, earnedOn));
        });
    }

    /** Awaiting payment → earned on the day the fee was paid (the payment's handler, on its connection). */
    Enrollment markPaid(Connection connection, long enrollmentId, LocalDate paidOn) {
        security.require(EnrollmentPermissions.EDIT);
        try {
            Enrollment e = EnrollmentStore.existing(connection, enrollmentId);
            if (e.status() != CertificationStatus.AWAITING_PAYMENT) {
                throw new IllegalArgumentException("Only an enrollment awaiting payment is earned by paying; this one"
                        + " is " + e.status().title().toLowerCase(Locale.ROOT) + ".");
            }
            if (paidOn == null || paidOn.isBefore(e.enrolledOn())) {
                throw new IllegalArgumentException("The day paid must not lie before the enrollment date ("
                        + e.enrolledOn() + ").");
            }
            ProgramOptions options = programs.rules(e.programId(), e.ruleVersion()).options();
            return statusChanges.one(connection, StatusChanges.Move.earning(e, earnedTarget(options), paidOn,
                    EnrollmentDates.certificationExpires(paidOn, options.validityMonths())));
        } catch (SQLException ex) {
            throw new IllegalStateException("The enrollment could not be marked paid: " + ex.getMessage(), ex);
        }
    }

    List<Enrollment> markEarned(Connection connection, Map<Long, LocalDate> earnedOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = this.today.get();
        try {
            List<Long> ids = new ArrayList<>(new TreeSet<>(earnedOn.keySet()));
            Map<Long, Enrollment> found = EnrollmentQueries.byIds(connection, ids).stream()
                    .collect(Collectors.toMap(Enrollment::id, e -> e));
            List<Enrollment> rows = new ArrayList<>();
            for (Long id : ids) {
                Enrollment e = found.get(id);
                if (e == null) {
                    throw new IllegalArgumentException("No enrollment with id " + id + ".");
                }
                checkEarnable(e, earnedOn.get(id), today);
                rows.add(e);
            }
            Map<Long, Enrollment> changed = new HashMap<>();
            for (List<StatusChanges.Move> moves : earning(rows, e -> earnedOn.get(e.id())).values()) {
                all(connection, moves).forEach(e -> changed.put(e.id(), e));
            }
            return ids.stream().map(changed::get).toList();
        } catch (SQLException ex) {
            throw new IllegalStateException("The enrollments could not be marked earned: " + ex.getMessage(), ex);
        }
    }

    int markEarnedAll(List<Long> enrollmentIds, LocalDate earnedOn) {
        security.require(EnrollmentPermissions.EDIT);
        LocalDate today = this.today.get();
        if (earnedOn == null || earnedOn.isAfter(today)) {
            throw new IllegalArgumentException("The date earned is required and cannot be in the future.");
        }
        if (EnrollmentStore.missing(enrollmentIds)) {
            throw new IllegalArgumentException("Choose at least one enrollment to mark earned.");
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(enrollmentIds));
        List<Enrollment> rows = store.sql(c -> EnrollmentQueries.byIds(c, ids));
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
        int changed = 0;
        for (List<StatusChanges.Move> moves : earning(rows, e -> earnedOn).values()) {
            for (List<StatusChanges.Move> chunk : EnrollmentQueries.parts(moves)) {
                changed += store.sql(c -> all(c, chunk)).size();
            }
        }
        return changed;
    }

    /** Many earning moves to one status, audited in one entry that names them all; all or nothing. */
    private List<Enrollment> all(Connection c, List<StatusChanges.Move> moves) throws SQLException {
        StatusChangeResult result = statusChanges.change(c, moves, null, StatusChanges.Audit.ONE_FOR_ALL);
        if (!result.refused().isEmpty()) {
            throw new IllegalArgumentException(result.refused().get(0).reason() + " Nothing was marked earned.");
        }
        return result.changed();
    }

    /** The earning moves by target status, each program version's rules read once. */
    private Map<CertificationStatus, List<StatusChanges.Move>> earning(List<Enrollment> rows,
            Function<Enrollment, LocalDate> earnedOn) {
        Map<String, ProgramOptions> options = new HashMap<>();
        Map<CertificationStatus, List<StatusChanges.Move>> byTarget = new HashMap<>();
        for (Enrollment e : rows) {
            ProgramOptions o = options.computeIfAbsent(e.programId() + "/" + e.ruleVersion(),
                    k -> programs.rules(e.programId(), e.ruleVersion()).options());
            StatusChanges.Move move = move(e, o, earnedOn.apply(e));
            byTarget.computeIfAbsent(move.to(), k -> new ArrayList<>()).add(move);
        }
        return byTarget;
    }

    /**
     * Meeting every requirement: earned (with its dates) when the certification is free; awaiting payment,
     * dates kept, when it has a fee, so that no path but the payment certifies.
     */
    private static StatusChanges.Move move(Enrollment e, ProgramOptions options, LocalDate earnedOn) {
        if (hasFee(options)) {
            return StatusChanges.Move.to(e, CertificationStatus.AWAITING_PAYMENT, "every requirement met on "
                    + earnedOn + "; the fee is due");
        }
        return StatusChanges.Move.earning(e, earnedTarget(options), earnedOn,
                EnrollmentDates.certificationExpires(earnedOn, options.validityMonths()));
    }

    static boolean hasFee(ProgramOptions options) {
        return options.fee() != null && options.fee().signum() > 0;
    }

    private static CertificationStatus earnedTarget(ProgramOptions options) {
        return options.adminReviewOfCertification() ? CertificationStatus.ADMIN_REVIEW : CertificationStatus.ACTIVE;
    }

    private static void checkEarnable(Enrollment e, LocalDate earnedOn, LocalDate today) {
        if (earnedOn == null || earnedOn.isAfter(today) || earnedOn.isBefore(e.enrolledOn())) {
            throw new IllegalArgumentException("The date earned must lie between the enrollment date ("
                    + e.enrolledOn() + ") and today.");
        }
        if (e.status() != CertificationStatus.IN_PROGRESS) {
            throw new IllegalArgumentException("Only an enrollment in progress can be earned; this one is "
                    + e.status().title().toLowerCase(Locale.ROOT) + ".");
        }
    }

}
