package org.certportal.process.internal;

import java.time.Duration;

/**
 * How the engine works.
 *
 * @param node this portal's name among portals sharing the database; runs it owned before a
 *        restart are resumed at once, those of other portals only once their heartbeat is stale
 * @param chunkSize rows per transaction
 * @param staleAfter how long a worker may stay silent before its run is taken over
 */
record EngineSettings(String node, int chunkSize, int workerThreads, Duration pollInterval, Duration staleAfter) {
    static final int MAX_CHUNK = 10_000;

    EngineSettings {
        if (node == null || node.isBlank() || node.length() > 150) {
            throw new IllegalArgumentException("nodeName must be 1 to 150 characters.");
        }
        if (chunkSize < 1 || chunkSize > MAX_CHUNK) {
            throw new IllegalArgumentException("chunkSize must be between 1 and " + MAX_CHUNK + ", not " + chunkSize
                    + ".");
        }
        if (workerThreads < 1 || workerThreads > 16) {
            throw new IllegalArgumentException("workerThreads must be between 1 and 16, not " + workerThreads + ".");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollSeconds must be at least 1.");
        }
        if (staleAfter.compareTo(pollInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("staleSeconds must be at least twice pollSeconds.");
        }
    }
}
