package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProgressTest {
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    @Test
    void theFinishIsEstimatedFromThePaceOfTheCurrentWorker() {
        // 1,000 rows in 10 s since this worker began with 4,000 done before a restart: 5,000 left at 100 rows/s
        assertEquals(T0.plusSeconds(10 + 50),
                Progress.estimatedFinish(10_000, 5_000, T0, 4_000, T0.plusSeconds(10)));
    }

    @Test
    void noEstimateWithoutAPaceOrWithNothingLeft() {
        assertNull(Progress.estimatedFinish(-1, 0, T0, 0, T0.plusSeconds(10)), "not selected yet");
        assertNull(Progress.estimatedFinish(100, 0, T0, 0, T0.plusSeconds(10)), "nothing done yet");
        assertNull(Progress.estimatedFinish(100, 10, T0, 0, T0.plusMillis(100)), "too early to tell");
        assertNull(Progress.estimatedFinish(100, 100, T0, 0, T0.plusSeconds(10)), "done");
        assertNull(Progress.estimatedFinish(100, 10, null, 0, T0.plusSeconds(10)), "no worker");
    }
}
