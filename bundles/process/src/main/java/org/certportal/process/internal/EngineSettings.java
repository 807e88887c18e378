package org.certportal.process.internal;

import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    static final String FILE = "etc/" + ProcessConfig.PID + ".cfg";
    private static final Logger LOG = LoggerFactory.getLogger(EngineSettings.class);
    // kept by the bundle, so an engine started again after a bad edit runs on the last good values
    private static EngineSettings lastGood;
    private static String lastRefusal;

    /**
     * Reads etc/org.certportal.process.cfg as given.
     *
     * @param defaultNode the node name when nodeName is empty
     * @throws IllegalArgumentException naming the file and the key of the first bad value
     */
    static EngineSettings from(Map<String, ?> values, String defaultNode) {
        String node = values.get("nodeName") == null ? "" : values.get("nodeName").toString().strip();
        int chunk = number(values, "chunkSize", 500);
        int workers = number(values, "workerThreads", 2);
        int poll = number(values, "pollSeconds", 5);
        int stale = number(values, "staleSeconds", 300);
        try {
            return new EngineSettings(node.isEmpty() ? defaultNode : node, chunk, workers, Duration.ofSeconds(poll),
                    Duration.ofSeconds(stale));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE + ": " + e.getMessage(), e);
        }
    }

    /** These settings when they are good, else the last good ones (or the defaults), the refusal logged once. */
    static synchronized EngineSettings accept(Map<String, ?> values, String defaultNode) {
        try {
            lastGood = from(values, defaultNode);
            lastRefusal = null;
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(lastRefusal)) {
                LOG.error("{} The engine runs on the last good settings until it is fixed.", e.getMessage());
                lastRefusal = e.getMessage();
            }
            if (lastGood == null) {
                lastGood = from(Map.of(), defaultNode);
            }
        }
        return lastGood;
    }

    private static int number(Map<String, ?> values, String key, int fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FILE + ": " + key + " must be a whole number, not '" + v + "'.");
        }
    }

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
