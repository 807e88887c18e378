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
}
