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

    /** A part that records what it generated and refuses counts over its limit in its check. */
    private record Part(String name, int order, int limit, List<String> generated)
            implements org.certportal.persistence.api.DemoData {
        @Override
        public String unit() {
            return name;
        }

        @Override
        public int smallCount() {
            return 1;
        }

        @Override
        public void check(int count, long seed) {
            if (count > limit) {
                throw new IllegalArgumentException(name + ": at most " + limit);
            }
        }

        @Override
        public String generate(int count, long seed) {
            generated.add(name + "=" + count);
            return name;
        }
    }

    @Test
    void aPartRefusingItsCountStopsTheCommandBeforeAnyPartGenerates() {
        List<String> generated = new java.util.ArrayList<>();
        DemoDataCommand command = new DemoDataCommand();
        command.sets = List.of("contacts=10", "credentials=3000000");
        List<org.certportal.persistence.api.DemoData> parts = List.of(new Part("contacts", 100, 1_000_000, generated),
                new Part("credentials", 600, 2_000_000, generated));
        assertEquals("credentials: at most 2000000", assertThrows(IllegalArgumentException.class,
                () -> command.run(parts)).getMessage());
        assertEquals(List.of(), generated, "the contacts were not created before the credentials refused");
        command.sets = List.of("contacts=10", "credentials=5");
        command.run(parts);
        assertEquals(List.of("contacts=10", "credentials=5"), generated);
    }
}
