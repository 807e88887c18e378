package org.certportal.persistence.api;

import java.util.Objects;

/**
 * One page of a list, as the database is asked for it.
 *
 * @param offset rows to skip, from 0
 * @param limit rows at most, 1 to {@link #MAX_LIMIT}
 * @param sortBy a property name the list allows, or null for its default order
 * @param ascending the sort direction
 */
public record PageRequest(int offset, int limit, String sortBy, boolean ascending) {
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("Page offset must not be negative: " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Page size must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(0, limit, null, true);
    }

    public PageRequest sortedBy(String property, boolean asc) {
        return new PageRequest(offset, limit, Objects.requireNonNull(property), asc);
    }
}
