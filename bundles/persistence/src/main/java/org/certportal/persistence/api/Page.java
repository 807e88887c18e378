package org.certportal.persistence.api;

import java.util.List;

/**
 * Rows of one page and how many rows the whole filtered list has.
 *
 * @param <T> the row type
 */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
