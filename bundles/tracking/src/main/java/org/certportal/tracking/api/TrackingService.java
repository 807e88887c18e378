package org.certportal.tracking.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongConsumer;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every enrollment's certification status in one place. Reading demands {@link TrackingPermissions#READ};
 * each change names its permission. Lists are filtered, counted, sorted and paged in the database. Bad
 * input throws IllegalArgumentException with a sentence for the user and changes nothing; a stale
 * {@code expectedVersion} throws ConcurrentModificationException. "Today" is the organisation's today.
 */
@ProviderType
public interface TrackingService {

    /** Sort keys of {@link #list} and {@link #export}; the default is the contact's name. */
    String SORT_NAME = "name";
    String SORT_IDENTIFIER = "identifier";
    String SORT_PROGRAM = "program";
    String SORT_STATUS = "status";
    String SORT_ENROLLED = "enrolled";
    String SORT_EARNED = "earned";
    String SORT_EXPIRES = "expires";
    /** The same order as {@link #SORT_EXPIRES}: days left follow the expiration date. */
    String SORT_DAYS_LEFT = "daysLeft";
    List<String> SORT_KEYS = List.of(SORT_NAME, SORT_IDENTIFIER, SORT_PROGRAM, SORT_STATUS, SORT_ENROLLED,
            SORT_EARNED, SORT_EXPIRES, SORT_DAYS_LEFT);

    /**
     * One row per enrollment matching the filter, sorted and paged in the database; the total is counted up
     * to {@link org.certportal.persistence.api.Page#COUNT_CAP} ({@link Page#more} above it, since 1.4).
     */
    Page<TrackingRow> list(TrackingFilter filter, PageRequest page);

    /**
     * The page of {@link #list} without its total: for a list that takes its size from
     * {@link #counts(TrackingFilter)} (the Tracking page), which would otherwise count every matching
     * row twice. Demands {@link TrackingPermissions#READ}.
     *
     * @since 1.3
     */
    List<TrackingRow> rows(TrackingFilter filter, PageRequest page);

    /**
     * How many enrollments show each status under the filter's other conditions (its statuses are left
     * out, so that every quick filter shows its count), in one grouped query.
     */
    StatusCounts counts(TrackingFilter filter);

    /**
     * The counts of {@link #counts}, each exact up to {@link org.certportal.persistence.api.Page#COUNT_CAP}
     * and capped above it ({@link StatusCounts#more}), in one statement: what the Tracking page shows, for
     * a list of a million rows whose exact counts cost more than its page. Demands
     * {@link TrackingPermissions#READ}.
     *
     * @since 1.4
     */
    StatusCounts countsUpTo(TrackingFilter filter);

    /**
     * Writes every row matching the filter as CSV (RFC 4180, UTF-8, a header row), streamed from the
     * database in the order asked ({@code sortBy} null: by name). Demands {@link TrackingPermissions#EXPORT}.
     *
     * @param progress told the number of rows written so far, every few thousand rows; may be null
     * @return how many rows were written
     */
    long export(TrackingFilter filter, String sortBy, boolean ascending, OutputStream out, LongConsumer progress)
            throws IOException;

    /** The caller's saved filters, by name. */
    List<SavedFilter> savedFilters();

    /** Saves the filter under a name for the caller; a filter of theirs with that name is replaced. */
    SavedFilter saveFilter(String name, TrackingFilter filter);

    /** Deletes one of the caller's saved filters; nothing happens when it is not theirs or gone. */
    void deleteFilter(long savedFilterId);

    /**
     * One enrollment's status, what the caller may set, and its status history.
     *
     * @throws IllegalArgumentException when there is no such enrollment
     */
    StatusDetail detail(long enrollmentId);

    /** The statuses staff may set by hand (each a move the status rules must allow). */
    List<CertificationStatus> MANUAL_STATUSES = List.of(CertificationStatus.DECLINED, CertificationStatus.INACTIVE,
            CertificationStatus.NOT_COMPLETED, CertificationStatus.CANCELLED);

    /**
     * Sets one of {@link #MANUAL_STATUSES} with a required reason, through the enrollments' status door
     * (checked by the status rules, audited once). Demands {@link TrackingPermissions#SET_STATUS}.
     */
    TrackingRow setStatus(long enrollmentId, long expectedVersion, CertificationStatus to, String reason);

    /**
     * Resolves an Admin Review: approved becomes Active, rejected Not completed; a reason is required.
     * Demands {@link TrackingPermissions#REVIEW}.
     */
    TrackingRow resolveReview(long enrollmentId, long expectedVersion, boolean approve, String reason);
}
