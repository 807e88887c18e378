package org.certportal.security.api.config;

import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * The settings an area works with as its configuration file is edited: the new ones when they are
 * good, else the last good ones (at a start with a bad file: the defaults), each refusal logged once
 * as an ERROR naming the file and the key. Keep one per file for the life of the bundle (a static
 * field), so that a component activated again after a bad edit still runs on the last good values.
 *
 * @param <T> the area's settings
 */
public final class LastGoodSettings<T> {
    private final Logger log;
    private final String consequence;
    private T lastGood;
    private String lastRefusal;

    /**
     * @param log where refusals go
     * @param consequence the sentence logged after each refusal, e.g. "The engine runs on its last good
     *        settings until it is fixed."
     */
    public LastGoodSettings(Logger log, String consequence) {
        this.log = log;
        this.consequence = consequence;
    }

    /**
     * @param read reads the file, throwing {@link IllegalArgumentException} on a bad value
     * @param defaults the settings when the file has never been good
     */
    public synchronized T accept(Supplier<T> read, Supplier<T> defaults) {
        try {
            lastGood = read.get();
            lastRefusal = null;
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(lastRefusal)) {
                log.error("{} {}", e.getMessage(), consequence);
                lastRefusal = e.getMessage();
            }
            if (lastGood == null) {
                lastGood = defaults.get();
            }
        }
        return lastGood;
    }

    /** Forgets the last good settings (tests that start from a fresh bundle). */
    public synchronized void forget() {
        lastGood = null;
        lastRefusal = null;
    }
}
