package org.certportal.process.api;

/** The stored outcome of one row of a run. */
public enum RowState {
    /** Selected, not processed yet. */
    PENDING,
    /** Processed: the change was made (or, in a dry run, would be). */
    DONE,
    /** Nothing to do for this row, with the reason. */
    SKIPPED,
    /** The row could not be processed, with the reason; its change was rolled back. */
    FAILED
}
