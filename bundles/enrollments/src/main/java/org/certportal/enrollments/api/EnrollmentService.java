package org.certportal.enrollments.api;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.ProgramSummary;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Enrollments of contacts in programs and their certification status.
 * Reads need {@link EnrollmentPermissions#READ}; each change names its permission. Bad input throws
 * IllegalArgumentException with a sentence for the user and changes nothing; a stale
 * {@code expectedVersion} throws ConcurrentModificationException. Every status change is validated
 * against the status rules and audited in its transaction. "Today" is the organisation's today, in
 * its time zone.
 */
@ProviderType
public interface EnrollmentService {

    /** Sort keys of {@link #enrollees} and {@link #purgeCandidates}; the default is the name. */
    String SORT_NAME = "name";
    String SORT_ENROLLED_ON = "enrolledOn";
    String SORT_EXPIRES_ON = "expiresOn";
    String SORT_STATUS = "status";

    /** Most contacts one {@link #enroll} call takes. */
    int MAX_ENROLL = 100_000;

    /** Today in the organisation's time zone: the default enrollment date and the day trackers are counted on. */
    LocalDate today();

    /** The four trackers of a program, counted in the database. */
    Trackers trackers(long programId);

    /** A program's enrollees, filtered, sorted and paged in the database. */
    Page<EnrolleeRow> enrollees(long programId, EnrolleeFilter filter, PageRequest page);

    /**
     * Enrolls contacts in an Active program on {@code enrolledOn} (null: today; never in the future).
     * Contacts that cannot be enrolled (unknown, already enrolled, already certified) are refused one
     * by one with a reason while the others enroll. A maintenance program enrolls its current earners
     * for their next cycle. Demands {@link EnrollmentPermissions#EDIT}.
     *
     * @throws IllegalArgumentException when the program is not Active or the date is in the future
     */
    EnrollResult enroll(long programId, List<Long> contactIds, LocalDate enrolledOn);

    Optional<Enrollment> find(long enrollmentId);

    /**
     * The enrollments with these ids, by id, in one read for many (a process working a chunk of
     * enrollments); ids that name no enrollment are left out. Demands {@link EnrollmentPermissions#READ}.
     *
     * @since 1.8
     */
    default Map<Long, Enrollment> findAll(Collection<Long> enrollmentIds) {
        Map<Long, Enrollment> found = new HashMap<>();
        for (Long id : new LinkedHashSet<>(enrollmentIds)) {
            find(id).ifPresent(e -> found.put(id, e));
        }
        return found;
    }

    /**
     * The enrollments in progress of these contacts in the program, by contact id, in one read for many
     * (imports naming many people); contacts without one are left out. Demands
     * {@link EnrollmentPermissions#READ}.
     *
     * @since 1.2
     */
    Map<Long, Enrollment> inProgress(long programId, Collection<Long> contactIds);

    /** Every enrollment of a contact (a person has a handful), newest first. */
    List<Enrollment> enrollmentsOf(long contactId);

    /** Active programs the contact may enroll in now (not enrolled, not certified unless it is a maintenance program). */
    List<ProgramSummary> openPrograms(long contactId);

    /** The requirements of the enrollment's rules, in order, with the enrollee's state on each. */
    List<ProgressStep> progress(long enrollmentId);

    /**
     * One enrollment as a page shows it, read in one transaction: the row and its program's rules once,
     * its steps, deadline and what the caller may do with it. Demands {@link EnrollmentPermissions#READ}.
     *
     * @throws IllegalArgumentException when there is no such enrollment
     * @since 1.3
     */
    EnrollmentDetails details(long enrollmentId);

    /** The completion deadline to show for the enrollment today, with its explanation. */
    CompletionDeadline deadline(Enrollment enrollment);

    /**
     * Changes the dates: enrollment date not in the future, and enrolled ≤ grace period begins ≤
     * expiration. Moving the expiration date later extends the grace period. Demands
     * {@link EnrollmentPermissions#EDIT}.
     */
    Enrollment editDates(long enrollmentId, long expectedVersion, LocalDate enrolledOn, LocalDate gracePeriodBegins,
            LocalDate expiresOn);

    /** Applied → In progress. Demands {@link EnrollmentPermissions#EDIT}. */
    Enrollment approve(long enrollmentId, long expectedVersion);

    /** Applied → Declined. Demands {@link EnrollmentPermissions#EDIT}. */
    Enrollment decline(long enrollmentId, long expectedVersion, String reason);

    /**
     * Every requirement is complete (called by the completions feature): → Active, or Admin Review when
     * the rules say an administrator approves certification; the certification then expires
     * validity months after {@code earnedOn} (never with a validity of 0). When the certification has a
     * fee the enrollment becomes {@link CertificationStatus#AWAITING_PAYMENT} instead, its dates unchanged
     * (since 1.7): only {@link #markPaid} earns it. Every markEarned variant does so. Demands
     * {@link EnrollmentPermissions#EDIT}.
     */
    Enrollment markEarned(long enrollmentId, LocalDate earnedOn);

    /**
     * The fee of an enrollment {@link CertificationStatus#AWAITING_PAYMENT} is paid (called by the payment's
     * handler, on the payment's connection and in its transaction): → Active, or Admin Review when the rules
     * say so, earned on {@code paidOn}, the certification expiring validity months later. Refused for any
     * other status. Demands {@link EnrollmentPermissions#EDIT}.
     *
     * @since 1.7
     */
    Enrollment markPaid(Connection connection, long enrollmentId, LocalDate paidOn);

    /**
     * {@link #markEarned} on the caller's connection and in the caller's transaction (do not commit or
     * close it): the completions feature earns in the transaction of the completion that completes the
     * last requirement, so a rollback undoes both. Demands {@link EnrollmentPermissions#EDIT}.
     */
    Enrollment markEarned(Connection connection, long enrollmentId, LocalDate earnedOn);

    /**
     * {@link #markEarned(Connection, long, LocalDate)} for many enrollments at once, each on its own date
     * (imports of completions): every enrollment is checked first, then all are written in one batch per
     * target status with one audit entry each; when one cannot be earned, nothing is. Demands
     * {@link EnrollmentPermissions#EDIT}.
     *
     * @param earnedOn the date earned by enrollment id
     * @return the enrollments as earned
     */
    List<Enrollment> markEarned(Connection connection, Map<Long, LocalDate> earnedOn);

    /**
     * {@link #markEarned} for many enrollments at once (mass certification, demo data), in chunks with
     * one audit entry each. Every enrollment is checked first: when any is not in progress, or was
     * enrolled after {@code earnedOn}, nothing changes and the message lists them.
     *
     * @return how many were marked earned
     */
    int markEarnedAll(List<Long> enrollmentIds, LocalDate earnedOn);

    /**
     * The one way to move enrollments to other statuses (processes such as tracking, which set many
     * at once). Works on the caller's connection and in the caller's transaction: it neither commits
     * nor closes it, and what it wrote goes or stays with the caller's commit or rollback. Every move
     * is checked against the status rules first; the moves they allow are written in one JDBC batch
     * guarded by each enrollment's version and audited once each (actor: the current caller, with
     * {@code source} and the move's reason); the others are refused in the result and nothing of them
     * is written. Demands {@link EnrollmentPermissions#EDIT}.
     *
     * @param source who or what moves them, for the audit log (e.g. "tracking run 12"); may be null
     * @throws java.util.ConcurrentModificationException when an enrollment changed since the caller
     *         read it (its {@code expectedVersion}) or during the call; the caller must roll back
     * @since 1.3
     */
    StatusChangeResult changeStatus(Connection connection, List<StatusChange> changes, String source);

    /**
     * How many enrollments, of every program, were enrolled on a day of this range (both ends
     * included), counted in the database. Demands {@link EnrollmentPermissions#READ}.
     *
     * @since 1.4
     */
    long countEnrolled(LocalDate from, LocalDate to);

    /**
     * How many certifications (active or expiring enrollments), of every program, expire on a day of
     * this range (both ends included), counted in the database. Demands
     * {@link EnrollmentPermissions#READ}.
     *
     * @since 1.4
     */
    long countExpiring(LocalDate from, LocalDate to);

    /** Whether the caller may cancel this enrollment (its program's policy and the caller's role). */
    boolean mayCancel(long enrollmentId);

    /**
     * Cancels: allowed with {@link EnrollmentPermissions#CANCEL_ANY}, or with
     * {@link EnrollmentPermissions#EDIT} when the program lets enrollees cancel; otherwise
     * AccessDeniedException. The contact can be enrolled again afterwards.
     */
    Enrollment cancel(long enrollmentId, long expectedVersion, String reason);

    /**
     * Enrollments that may be purged (cancelled, declined, inactive, not completed, expired, or past the
     * expiration date without earning), optionally of one program, whose contact's name starts with the
     * text or whose external identifier equals it. Demands {@link EnrollmentPermissions#PURGE}.
     */
    Page<PurgeCandidate> purgeCandidates(Long programId, String text, PageRequest page);

    /**
     * Deletes these enrollments and, through every {@link EnrollmentDataOwner}, their recorded data, in
     * one transaction, audited per enrollment; never a contact. When any id is not a purge candidate,
     * nothing is purged and the message lists those ids. Demands {@link EnrollmentPermissions#PURGE}.
     *
     * @return how many enrollments were purged
     */
    int purge(List<Long> enrollmentIds);

    /**
     * A PDF of all the contact's programs, requirements, dates and grades. Demands
     * {@link EnrollmentPermissions#TRANSCRIPT}.
     */
    byte[] transcript(long contactId);
}
