package org.certportal.tracking.api;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The changes of mass drop runs, and their revert (since 1.2). A mass drop moves the enrollments of one program
 * matching its criteria to Expired, Inactive, Cancelled or Not completed through the enrollments' status door and
 * records each change with its run; it is run, previewed and scheduled through the process engine as
 * {@value #PROCESS_TYPE}. Every call demands {@link TrackingPermissions#MASS_DROP}.
 * A run that is not a finished, real (not previewed) mass drop is refused with IllegalArgumentException and a
 * sentence for the user.
 */
@ProviderType
public interface MassDropService {
    /** The process type's id (run, preview and schedule it through the process engine). */
    String PROCESS_TYPE = "tracking.mass-drop";
    /** How many left-alone rows a {@link RevertReport} lists. */
    int REPORT_LIMIT = 1000;

    /**
     * Whether this run can be reverted now: a finished, real run of a mass drop, not reverted yet. Never
     * throws for a run that is not one (false).
     */
    boolean revertable(long runId);

    /** What a revert of this run will do (or did): how many rows go back and how many are left alone. */
    RevertPlan plan(long runId);

    /**
     * The rows the run changed, in the order it changed them, each with its status now and what a revert does
     * with it; paged in the database.
     */
    Page<DroppedRow> rows(long runId, PageRequest page);

    /**
     * In one transaction, moves every row of the run that nobody changed since back to the status it had
     * before, through the enrollments' status door (audited once each, with the run), and lists the rows left
     * alone. A second revert of the same run changes nothing and says so.
     *
     * @throws java.util.ConcurrentModificationException when an enrollment changed while reverting; nothing
     *         was changed, try again
     */
    RevertReport revert(long runId);
}
