package org.certportal.persistence.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A feature's part of the demo data set, registered as a service; {@code certportal:demo-data}
 * runs the parts in {@link #order()} so that later parts (enrollments) find the earlier ones
 * (contacts, programs) through those features' services.
 */
@ConsumerType
public interface DemoData {

    /** The name the command takes, e.g. {@code contacts} in {@code contacts=100000}. */
    String name();

    /** Lower runs first: contacts 100, programs 200, enrollments 300. */
    int order();

    /** What one unit of {@link #generate} is, for the command's help ("contacts", "enrollments per program"). */
    String unit();

    /** The count loaded on a fresh portal's first start. */
    int smallCount();

    /**
     * Refuses what {@link #generate} would refuse (the caller's permission, a count out of range, a seed
     * whose records exist), before the command lets any part generate: a command refused half-way
     * would leave the earlier parts' records behind. Nothing to check by default.
     *
     * @throws IllegalArgumentException or SecurityException with the reason
     */
    default void check(int count, long seed) {
    }

    /**
     * Creates {@code count} records, deterministic for a seed: the same seed on the same database
     * gives the same records. Runs as the shell's caller, so the feature's permissions apply.
     *
     * @return a one-line summary for the operator
     */
    String generate(int count, long seed);
}
