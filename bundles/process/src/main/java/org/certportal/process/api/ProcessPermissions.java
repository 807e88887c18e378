package org.certportal.process.api;

/**
 * Permissions of the engine. Starting, scheduling, cancelling and retrying also demand the
 * process type's own {@link ProcessType#permission()}; so do a run's row outcomes and result files.
 */
public final class ProcessPermissions {
    /** See the Process Center: processes, schedules, runs and their progress. */
    public static final String READ = "process.read";
    /** Start, preview, schedule and cancel processes (of types whose own permission one also holds). */
    public static final String RUN = "process.run";

    private ProcessPermissions() {
    }
}
