package org.certportal.process.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The estimated finish of a running run, from the pace since its current worker began (so that a
 * pause while the portal was down does not slow the estimate down).
 */
final class Progress {
    /** Too little done to tell the pace yet. */
    static final long MIN_ROWS = 1;
    static final Duration MIN_ELAPSED = Duration.ofMillis(500);

    private Progress() {
    }

    /**
     * @param paceSince when the current worker began processing
     * @param processedAtPaceSince rows with an outcome at that moment
     * @return null when there is no pace yet or nothing is left
     */
    static Instant estimatedFinish(long total, long processed, Instant paceSince, long processedAtPaceSince,
            Instant now) {
        if (total < 0 || paceSince == null || processed >= total) {
            return null;
        }
        long rows = processed - processedAtPaceSince;
        Duration elapsed = Duration.between(paceSince, now);
        if (rows < MIN_ROWS || elapsed.compareTo(MIN_ELAPSED) < 0) {
            return null;
        }
        double nanosPerRow = elapsed.toNanos() / (double) rows;
        return now.plusNanos((long) Math.min(Long.MAX_VALUE, nanosPerRow * (total - processed)));
    }
}
