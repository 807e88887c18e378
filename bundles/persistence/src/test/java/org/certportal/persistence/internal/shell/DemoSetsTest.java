package org.certportal.persistence.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.certportal.persistence.internal.shell.DemoDataCommand.DemoSets;
import org.junit.jupiter.api.Test;

class DemoSetsTest {
    private static final List<String> KNOWN = List.of("contacts", "programs", "enrollments");

    @Test
    void parsesPairsInOrder() {
        Map<String, Integer> counts = DemoSets.parse(List.of("contacts=100000", " programs = 50"), KNOWN);
        assertEquals(Map.of("contacts", 100_000, "programs", 50), counts);
        assertEquals(List.of("contacts", "programs"), List.copyOf(counts.keySet()));
    }

    @Test
    void noSetsMeansTheSmallSet() {
        assertTrue(DemoSets.parse(null, KNOWN).isEmpty());
    }

    @Test
    void refusesUnknownNamesBadAndOutOfRangeCounts() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoSets.parse(List.of("people=5"), KNOWN))
                .getMessage().contains("Unknown demo data set 'people'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoSets.parse(List.of("contacts"), KNOWN))
                .getMessage().contains("contacts=<count>"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoSets.parse(List.of("contacts=x"), KNOWN))
                .getMessage().contains("contacts=<count>"));
        assertThrows(IllegalArgumentException.class, () -> DemoSets.parse(List.of("contacts=-1"), KNOWN));
        assertThrows(IllegalArgumentException.class, () -> DemoSets.parse(List.of("contacts=20000000"), KNOWN));
    }
}
