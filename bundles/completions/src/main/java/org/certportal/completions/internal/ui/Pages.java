package org.certportal.completions.internal.ui;

import org.certportal.persistence.api.PageRequest;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;

/** A lazy component's query as the page the services take. */
final class Pages {
    private Pages() {
    }

    static PageRequest of(Query<?, ?> query) {
        QuerySortOrder order = query.getSortOrders().isEmpty() ? null : query.getSortOrders().get(0);
        return new PageRequest(query.getOffset(), Math.max(1, Math.min(PageRequest.MAX_LIMIT, query.getLimit())),
                order == null ? null : order.getSorted(), order == null || order.getDirection() == SortDirection.ASCENDING);
    }

    /** Only the size, for count callbacks: one row is the cheapest page that carries the total. */
    static PageRequest count() {
        return PageRequest.first(1);
    }

    static int total(long total) {
        return (int) Math.min(Integer.MAX_VALUE, total);
    }
}
