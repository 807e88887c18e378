package org.certportal.process.api;

import java.time.Instant;
import java.util.Map;

/**
 * A run, with its counts and progress.
 *
 * @param typeTitle the type's title when the run was made (kept for the history)
 * @param total rows selected; -1 until the selection is made
 * @param scheduleId the schedule that made it; null when started by hand
 * @param retryOf the run whose failed rows this one retries; null otherwise
 * @param error why the run failed; null otherwise
 * @param estimatedFinish while running, when it should finish at the pace so far; null otherwise
 */
public record ProcessRun(long id, String typeId, String typeTitle, String scope, Map<String, String> parameters,
        boolean dryRun, RunState state, String startedBy, String notifyTo, Long scheduleId, Long retryOf,
        Instant queuedAt, Instant startedAt, Instant finishedAt, long total, long done, long skipped, long failed,
        String error, Instant estimatedFinish) {
    public ProcessRun {
        parameters = Map.copyOf(parameters);
    }

    /** Rows with an outcome. */
    public long processed() {
        return done + skipped + failed;
    }

    /** 0 to 1; 0 before the selection. */
    public double progress() {
        return total <= 0 ? (state == RunState.COMPLETED ? 1 : 0) : Math.min(1.0, processed() / (double) total);
    }
}
