package org.certportal.ui.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.certportal.persistence.api.PageRequest;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;

class PagesTest {

    @Test
    void aGridQueryBecomesThePageItAsksFor() {
        Query<Object, Void> query = new Query<>(150, 50,
                List.of(new QuerySortOrder("name", SortDirection.DESCENDING), new QuerySortOrder("code",
                        SortDirection.ASCENDING)), null, null);
        assertEquals(new PageRequest(150, 50, "name", false), Pages.of(query));
    }

    @Test
    void anUnsortedQueryKeepsTheListsDefaultOrder() {
        assertEquals(new PageRequest(0, 50, null, true), Pages.of(new Query<>(0, 50, List.of(), null, null)));
    }

    @Test
    void theLimitStaysWithinWhatAPageAllows() {
        // a ComboBox may ask for more than the services serve at once, and a count query for nothing
        assertEquals(PageRequest.MAX_LIMIT, Pages.of(new Query<>(0, Integer.MAX_VALUE, List.of(), null, null)).limit());
        assertEquals(1, Pages.of(new Query<>(0, 0, List.of(), null, null)).limit());
        assertEquals(Integer.MAX_VALUE, Pages.total(Long.MAX_VALUE));
        assertEquals(PageRequest.first(1), Pages.count());
    }
}
