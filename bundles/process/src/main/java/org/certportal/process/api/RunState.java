package org.certportal.process.api;

/** Where a run stands. COMPLETED, CANCELLED and FAILED are final. */
public enum RunState {
    /** Waiting for a worker: just started, scheduled and due, or interrupted and waiting to resume. */
    QUEUED,
    /** A worker selects its rows or processes them, chunk after chunk. */
    RUNNING,
    /** Cancel was asked: the worker stops after the chunk it is in. */
    CANCELLING,
    /** Stopped by a cancel; rows processed before it keep their outcome. */
    CANCELLED,
    /** Every selected row was processed (some may have failed or been skipped). */
    COMPLETED,
    /** The run itself could not go on (its selection failed, or its starter lost the right to run it). */
    FAILED;

    public boolean isFinal() {
        return this == CANCELLED || this == COMPLETED || this == FAILED;
    }

    /** Queued, running or cancelling: the run holds its type and scope. */
    public boolean isActive() {
        return !isFinal();
    }
}
