package org.certportal.process.internal;

import java.time.Duration;
import java.util.Map;

import org.certportal.security.api.config.ConfigValues;
import org.certportal.security.api.config.LastGoodSettings;
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
    // kept by the bundle, so an engine started again after a bad edit runs on the last good values
    private static final LastGoodSettings<EngineSettings> LAST_GOOD = new LastGoodSettings<>(
            LoggerFactory.getLogger(EngineSettings.class), "The engine runs on the last good settings until it is fixed.");

    /**
     * Reads etc/org.certportal.process.cfg as given.
     *
     * @param defaultNode the node name when nodeName is empty
     * @throws IllegalArgumentException naming the file and the key of the first bad value
     */
    static EngineSettings from(Map<String, ?> values, String defaultNode) {
        ConfigValues cfg = new ConfigValues(ProcessConfig.PID, values);
        String node = cfg.text("nodeName", "");
        if (node.length() > 150) {
            throw cfg.wrong("nodeName", "at most 150 characters");
        }
        int chunk = cfg.number("chunkSize", 500, 1, MAX_CHUNK);
        int workers = cfg.number("workerThreads", 2, 1, 16);
        int poll = cfg.number("pollSeconds", 5, 1, 3600);
        int stale = cfg.number("staleSeconds", 300, 1, 86_400);
        if (stale < 2 * poll) {
            throw cfg.refused("staleSeconds (" + stale + ") must be at least twice pollSeconds (" + poll + ").");
        }
        return new EngineSettings(node.isEmpty() ? defaultNode : node, chunk, workers, Duration.ofSeconds(poll),
                Duration.ofSeconds(stale));
    }

    /** These settings when they are good, else the last good ones (or the defaults), the refusal logged once. */
    static EngineSettings accept(Map<String, ?> values, String defaultNode) {
        return LAST_GOOD.accept(() -> from(values, defaultNode), () -> from(Map.of(), defaultNode));
    }
}
