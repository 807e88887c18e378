package org.certportal.persistence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PageRequestTest {
    @Test
    void boundsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(-1, 10, null, true));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, 0, null, true));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, PageRequest.MAX_LIMIT + 1, null, true));
        assertEquals(new PageRequest(0, 50, "familyName", false), PageRequest.first(50).sortedBy("familyName", false));
    }

    @Test
    void pagesCopyTheirItems() {
        List<String> rows = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(rows, 7);
        rows.add("b");
        assertEquals(List.of("a"), page.items());
    }

    @Test
    void aCountAboveTheCapSaysMoreThanTheCap() {
        Page<String> exact = Page.countedUpTo(List.of("a"), Page.COUNT_CAP);
        assertEquals(false, exact.more());
        assertEquals(Page.COUNT_CAP, exact.total());
        assertEquals("10,000 contacts", exact.totalText("contact", "contacts"));
        Page<String> capped = Page.countedUpTo(List.of("a"), Page.COUNT_CAP + 1);
        assertEquals(true, capped.more());
        assertEquals(Page.COUNT_CAP, capped.total());
        assertEquals("more than 10,000 contacts", capped.totalText("contact", "contacts"));
        assertEquals("1 contact", new Page<>(List.of("a"), 1).totalText("contact", "contacts"));
        assertEquals("SELECT COUNT(*) FROM (SELECT id FROM t LIMIT 10001) counted",
                JdbcStatements.countUpTo("SELECT id FROM t"));
    }
}
