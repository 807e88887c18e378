package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class EnrollmentQueriesTest {
    @Test
    void aPrefixOfPlainLettersAndDigitsGetsTheBoundAboveItsMatches() {
        assertEquals("smj", EnrollmentQueries.prefixBound("smi"));
        assertEquals("b", EnrollmentQueries.prefixBound("a"));
        assertEquals("x9", EnrollmentQueries.prefixBound("x8"));
    }

    @Test
    void anythingElseIsMatchedWithoutARange() {
        assertNull(EnrollmentQueries.prefixBound("smz"), "z has no letter above it");
        assertNull(EnrollmentQueries.prefixBound("19"));
        assertNull(EnrollmentQueries.prefixBound("o'b"), "punctuation sorts differently across collations");
        assertNull(EnrollmentQueries.prefixBound("smz-o"));
        assertNull(EnrollmentQueries.prefixBound("mé"));
        assertNull(EnrollmentQueries.prefixBound("ch ab"));
    }

    @Test
    void idListsAreCutIntoPartsOfAThousand() {
        List<Integer> all = java.util.stream.IntStream.range(0, 2500).boxed().toList();
        assertEquals(List.of(1000, 1000, 500), EnrollmentQueries.parts(all).stream().map(List::size).toList());
        assertEquals(List.of(), EnrollmentQueries.parts(List.of()));
    }
}
