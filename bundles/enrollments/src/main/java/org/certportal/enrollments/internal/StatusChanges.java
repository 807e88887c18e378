package org.certportal.enrollments.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.certportal.audit.api.AuditEntry;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.StatusChangeResult;

/**
 * The one door through which an enrollment's status changes, whoever moves it (staff, a process, the
 * consistency checker): every move is checked against {@link StatusRules}, the allowed ones are
 * written in one JDBC batch guarded by the versions the rows were read at, and each change is
 * audited once (the entries of one call in one batch too), all on the caller's connection and in the
 * caller's transaction.
 */
public final class StatusChanges {
    static final String AUDIT_TYPE = "enrollment";
    private static final String UPDATE = "UPDATE enrollment SET status = ?, earned_on = ?, expires_on = ?,"
            + " status_changed_at = ?, version = version + 1 WHERE id = ? AND version = ?";
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<Optional<String>> actor;

    /** How the changes of one call are audited; each change is in exactly one entry either way. */
    public enum Audit {
        /** one entry per enrollment (its own history shows it) */
        EACH,
        /** one entry per call listing every enrollment (mass earning of up to 100,000 at once) */
        ONE_FOR_ALL
    }

    /**
     * One enrollment's move.
     *
     * @param from       the enrollment as read in this transaction (its version guards the update)
     * @param earnedOn   the earned date after the move (the stored one when the move does not earn)
     * @param expiresOn  the expiration date after the move (likewise)
     * @param reason     why, for the audit entry; may be null
     * @param correction the consistency checker undoing a status the rules contradict
     *                   ({@link StatusRules#allowedAsCorrection})
     * @param revert     the caller undoing a change it recorded ({@link StatusRules#allowedAsRevert})
     */
    public record Move(Enrollment from, CertificationStatus to, LocalDate earnedOn, LocalDate expiresOn, String reason,
            boolean correction, boolean revert) {
        /** A move checked by the table, or a correction. */
        public Move(Enrollment from, CertificationStatus to, LocalDate earnedOn, LocalDate expiresOn, String reason,
                boolean correction) {
            this(from, to, earnedOn, expiresOn, reason, correction, false);
        }

        /** The same move as the revert of a recorded change. */
        Move asRevert() {
            return new Move(from, to, earnedOn, expiresOn, reason, false, true);
        }

        /** A move keeping the enrollment's dates. */
        static Move to(Enrollment from, CertificationStatus to, String reason) {
            return new Move(from, to, from.earnedOn(), from.expiresOn(), reason, false);
        }

        /** A move that earns: its earned and expiration dates go with it. */
        static Move earning(Enrollment from, CertificationStatus to, LocalDate earnedOn, LocalDate expiresOn) {
            return new Move(from, to, earnedOn, expiresOn, null, false);
        }
    }

    public StatusChanges(AuditLog audit, Clock clock) {
        this(audit, clock, Optional::empty);
    }

    /**
     * @param actor the user moving enrollments now, recorded as who decided an application that follows
     *              its enrollment (empty: "system")
     */
    StatusChanges(AuditLog audit, Clock clock, Supplier<Optional<String>> actor) {
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
    }

    /** {@link #change(Connection, List, String, Audit)} in the transaction of this entity manager. */
    StatusChangeResult change(EntityManager em, List<Move> moves, String source, Audit auditing) {
        try {
            return change(em.unwrap(Connection.class), moves, source, auditing);
        } catch (SQLException e) {
            throw new IllegalStateException("The status could not be changed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks every move, then writes and audits the allowed ones; the refused ones are returned with
     * their reason and nothing of them is written.
     *
     * @param source who or what moves them (a process run), for the audit entries; may be null
     * @throws ConcurrentModificationException when an enrollment changed since it was read (the
     *         caller rolls its transaction back: part of the batch may have been written)
     */
    public StatusChangeResult change(Connection c, List<Move> moves, String source, Audit auditing) throws SQLException {
        List<Move> allowed = new ArrayList<>();
        List<StatusChangeResult.Refused> refused = new ArrayList<>();
        for (Move m : moves) {
            String why = m.revert() ? StatusRules.revertRefusal(m.from().status(), m.to())
                    : StatusRules.refusal(m.from().status(), m.to(), m.from().earnedOn(), m.correction());
            if (why == null) {
                allowed.add(m);
            } else {
                refused.add(new StatusChangeResult.Refused(m.from().id(), why));
            }
        }
        if (allowed.isEmpty()) {
            return new StatusChangeResult(List.of(), refused);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        write(c, allowed, now);
        List<Enrollment> changed = new ArrayList<>();
        for (Move m : allowed) {
            Enrollment e = m.from();
            changed.add(new Enrollment(e.id(), e.contactId(), e.programId(), e.ruleVersion(), e.cycle(),
                    e.enrolledOn(), e.gracePeriodBegins(), m.expiresOn(), m.earnedOn(), m.to(), now, e.version() + 1));
        }
        if (auditing == Audit.EACH) {
            // an entry per change, written in one batch with the others of the call
            audit.recordAll(c, allowed.stream().map(m -> new AuditEntry(AUDIT_TYPE, m.from().id(), action(m.to()),
                    changes(m, source))).toList());
        } else {
            auditAll(c, allowed, source);
        }
        followApplications(c, allowed, now);
        return new StatusChangeResult(changed, refused);
    }

    /**
     * One enrollment's move by a person, audited on its own.
     *
     * @throws IllegalArgumentException with the table's sentence when the move is not allowed
     */
    Enrollment one(Connection c, Move move) throws SQLException {
        StatusChangeResult result = change(c, List.of(move), null, Audit.EACH);
        if (!result.refused().isEmpty()) {
            throw new IllegalArgumentException(result.refused().get(0).reason());
        }
        return result.changed().get(0);
    }

    /**
     * An open application follows its Applied enrollment moved by any other way (the enrollment's own
     * approve or decline, a cancel, tracking): approved, rejected or withdrawn with the move's reason,
     * audited once. Deciding the application itself decides it first, so it is not open here.
     */
    private void followApplications(Connection c, List<Move> moves, Instant now) throws SQLException {
        List<Move> fromApplied = moves.stream().filter(m -> m.from().status() == CertificationStatus.APPLIED
                && ApplicationRules.following(m.to()).isPresent()).toList();
        if (fromApplied.isEmpty()) {
            return;
        }
        Map<Long, ApplicationQueries.Open> open = ApplicationQueries.openOfEnrollments(c,
                fromApplied.stream().map(m -> m.from().id()).toList());
        String who = actor.get().orElse("system");
        for (Move m : fromApplied) {
            ApplicationQueries.Open a = open.get(m.from().id());
            if (a == null) {
                continue;
            }
            ApplicationStatus to = ApplicationRules.following(m.to()).get();
            String reason = m.reason() == null || m.reason().isBlank() ? null : m.reason().strip();
            ApplicationQueries.decide(c, a.id(), a.version(), to, who, now, reason);
            Changes changes = Changes.of().field("status", a.status(), to).field("enrollment", null,
                    m.from().id() + " " + m.to().name());
            if (reason != null) {
                changes.field("reason", null, reason);
            }
            audit.record(c, Applications.AUDIT_TYPE, a.id(), "decided " + to.name().toLowerCase(Locale.ROOT), changes);
        }
    }

    private static void write(Connection c, List<Move> moves, Instant now) throws SQLException {
        Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (Move m : moves) {
                update.setString(1, m.to().name());
                update.setObject(2, m.earnedOn());
                update.setObject(3, m.expiresOn());
                update.setTimestamp(4, at);
                update.setLong(5, m.from().id());
                update.setLong(6, m.from().version());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                // (Statement.SUCCESS_NO_INFO when a driver does not count)
                if (counts[i] == 0) {
                    throw new ConcurrentModificationException("Enrollment " + moves.get(i).from().id() + " was"
                            + " changed by someone else meanwhile; nothing was changed. Reload it and try again.");
                }
            }
        }
    }

    private static Changes changes(Move m, String source) {
        Enrollment e = m.from();
        Changes changes = Changes.of().field("status", e.status(), m.to()).field("earnedOn", e.earnedOn(), m.earnedOn())
                .field("expiresOn", e.expiresOn(), m.expiresOn());
        if (m.reason() != null && !m.reason().isBlank()) {
            changes.field("reason", null, m.reason().strip());
        }
        if (source != null && !source.isBlank()) {
            changes.field("source", null, source.strip());
        }
        return changes;
    }

    private void auditAll(Connection c, List<Move> moves, String source) {
        CertificationStatus to = moves.get(0).to();
        String target = moves.stream().map(m -> m.to().name()).distinct().sorted().collect(Collectors.joining("/"));
        String from = moves.stream().map(m -> m.from().status().name()).distinct().sorted()
                .collect(Collectors.joining("/"));
        Changes changes = Changes.of().field("status", from, target).field("enrollments", null,
                moves.stream().map(m -> String.valueOf(m.from().id())).collect(Collectors.joining(",")));
        if (source != null && !source.isBlank()) {
            changes.field("source", null, source.strip());
        }
        String action = moves.stream().allMatch(m -> m.to() == to) ? action(to) : "status";
        audit.record(c, AUDIT_TYPE, "bulk", action + " " + moves.size(), changes);
    }

    private static String action(CertificationStatus to) {
        return "status " + to.name().toLowerCase(Locale.ROOT);
    }
}
