package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class DemoEnrollmentsTest {
    private static final long[] IDS = LongStream.rangeClosed(1, 1000).toArray();

    @Test
    void drawsDistinctContactsTheSameForTheSameSeed() {
        long[] a = DemoEnrollments.draw(IDS, 300, new Random(7));
        assertEquals(300, Arrays.stream(a).distinct().count());
        assertTrue(Arrays.stream(a).allMatch(id -> id >= 1 && id <= 1000));
        assertArrayEquals(a, DemoEnrollments.draw(IDS, 300, new Random(7)));
        assertTrue(!Arrays.equals(a, DemoEnrollments.draw(IDS, 300, new Random(8))));
        assertEquals(1000, Arrays.stream(DemoEnrollments.draw(IDS, 1000, new Random(7))).distinct().count());
    }

    @Test
    void refusesCountsOutOfRangeBeforeDoingAnything() {
        DemoEnrollments demo = new DemoEnrollments(null, 1);
        assertThrows(IllegalArgumentException.class, () -> demo.generate(-1, List.of(1L), IDS));
    }
}
