package org.certportal.ui.spi;

import org.certportal.persistence.api.PageRequest;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;

/**
 * A lazy component's query (Grid, ComboBox) as the page the services take: the database pages,
 * sorts and counts, never the view.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * The query's rows as a page: its offset, its limit within what a page allows, and its first
     * sort order (a column's sort property) or the list's default order.
     */
    public static PageRequest of(Query<?, ?> query) {
        QuerySortOrder order = query.getSortOrders().isEmpty() ? null : query.getSortOrders().get(0);
        return new PageRequest(query.getOffset(), Math.max(1, Math.min(PageRequest.MAX_LIMIT, query.getLimit())),
                order == null ? null : order.getSorted(),
                order == null || order.getDirection() == SortDirection.ASCENDING);
    }

    /** For count callbacks: one row is the cheapest page that carries the total. */
    public static PageRequest count() {
        return PageRequest.first(1);
    }

    /** A total as a count callback answers it (Vaadin counts in ints). */
    public static int total(long total) {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
