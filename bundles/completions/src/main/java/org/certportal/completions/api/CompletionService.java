package org.certportal.completions.api;

import java.io.Reader;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Completions of requirements. Each method names its permission. Bad input throws
 * IllegalArgumentException with a sentence for the user and changes nothing; a stale
 * {@code expectedVersion} throws ConcurrentModificationException. Every change is audited in its
 * transaction. When a change completes the last requirement of an enrollment, the enrollment is
 * marked earned and the notification email queued in that same transaction. "Today" is the
 * organisation's today, in its time zone.
 */
@ProviderType
public interface CompletionService {

    /** Sort keys of {@link #pending}; the default is oldest recorded first. */
    String SORT_RECORDED = "recorded";
    String SORT_COMPLETED_ON = "completedOn";
    String SORT_NAME = "name";

    /** Most completions one approve or reject of many takes. */
    int MAX_DECIDE = 1000;

    /** Today in the organisation's time zone: completion dates may not be later. */
    LocalDate today();

    /** The enrollment's requirements in order with what was recorded. Demands {@link CompletionPermissions#READ}. */
    EnrolleeProgress progress(long enrollmentId);

    /**
     * {@link #progress} of many enrollments in one read per table (a process working a chunk of
     * enrollees), by enrollment id in the order given; ids that name no enrollment are left out. Demands
     * {@link CompletionPermissions#READ}.
     *
     * @since 1.2
     */
    default Map<Long, EnrolleeProgress> progressAll(Collection<Long> enrollmentIds) {
        Map<Long, EnrolleeProgress> found = new LinkedHashMap<>();
        for (Long id : new LinkedHashSet<>(enrollmentIds)) {
            try {
                found.put(id, progress(id));
            } catch (IllegalArgumentException gone) {
                // no such enrollment: left out
            }
        }
        return found;
    }

    /**
     * Records a completion of a requirement of an enrollment in progress, or changes the one recorded
     * (not when Complete: that is read-only). Its status follows from the requirement's grading and
     * approval. Demands {@link CompletionPermissions#RECORD}.
     *
     * @param expectedVersion the version of the completion being changed, or null for a first record
     */
    Completion record(long enrollmentId, Long expectedVersion, CompletionDraft draft);

    /** Enters or corrects the grade (Awaiting Grade, Failed, Awaiting Approval); files stay. Demands {@link CompletionPermissions#RECORD}. */
    Completion grade(long completionId, long expectedVersion, String grade);

    /** Awaiting Approval → Complete. Demands {@link CompletionPermissions#APPROVE}. */
    Completion approve(long completionId, long expectedVersion);

    /** Awaiting Approval → Rejected with a reason (required). Demands {@link CompletionPermissions#APPROVE}. */
    Completion reject(long completionId, long expectedVersion, String reason);

    /**
     * Approves many in one transaction: when any is not awaiting approval nothing changes and the
     * message lists them. Demands {@link CompletionPermissions#APPROVE}.
     *
     * @return how many were approved
     */
    int approveAll(List<Long> completionIds);

    /**
     * Approves completions awaiting approval on the caller's connection and in the caller's transaction
     * (it neither commits nor closes it), all or nothing as {@link #approveAll}, audited per completion
     * on that connection, and <em>without earning</em> their enrollments: the caller takes the
     * enrollment's next step itself, in the same transaction (mass certification certifies the enrollee,
     * or first orders the program's fee). Demands {@link CompletionPermissions#APPROVE}.
     *
     * @return the approved completions, as stored now in the caller's transaction
     * @throws IllegalArgumentException when none is given, more than {@link #MAX_DECIDE}, or any is not
     *         awaiting approval (nothing was approved)
     * @throws java.util.ConcurrentModificationException when one changed during the call; the caller must
     *         roll back
     * @since 1.1
     */
    List<Completion> approveWithoutEarning(Connection connection, Collection<Long> completionIds);

    /** Rejects many with one reason, all or nothing as {@link #approveAll}. Demands {@link CompletionPermissions#APPROVE}. */
    int rejectAll(List<Long> completionIds, String reason);

    /** Completions awaiting approval, filtered, sorted and paged in the database. Demands {@link CompletionPermissions#APPROVE}. */
    Page<PendingApproval> pending(ApprovalFilter filter, PageRequest page);

    /** A stored file with its content. Demands {@link CompletionPermissions#READ_FILES}. */
    FileDownload download(long fileId);

    /**
     * Imports completions from CSV (header contact,program,requirement,date,grade; contact = external
     * identifier, program = code, requirement = title or position). Every row is checked first,
     * against the stored state and the file's earlier rows; then, unless {@code mode} says otherwise,
     * a bad row means nothing is imported. Rows are recorded by the same rules as {@link #record}.
     * Demands {@link CompletionPermissions#IMPORT}.
     */
    ImportReport importCsv(Reader csv, ImportMode mode);
}
