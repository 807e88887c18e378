package org.certportal.process.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.certportal.process.api.ProcessService;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunState;
import org.junit.jupiter.api.Test;

/** The process center's home cards count with one call each, over the right runs. */
class RunCardsTest {
    private final List<Object[]> calls = new ArrayList<>();
    private final ProcessService processes = (ProcessService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ProcessService.class }, (proxy, method, args) -> {
                if (!method.getName().equals("countRuns")) {
                    throw new AssertionError("a home card must not call " + method.getName());
                }
                calls.add(args);
                return 2L;
            });

    @Test
    void activeRunsAreQueuedRunningOrCancellingWhenEverTheyStarted() {
        assertEquals(2, new ActiveRunsCard(processes).value());
        RunFilter filter = (RunFilter) calls.get(0)[0];
        assertEquals(Set.of(RunState.QUEUED, RunState.RUNNING, RunState.CANCELLING), filter.states());
        assertEquals(null, calls.get(0)[1]);
    }

    @Test
    void failedRunsAreThoseThatFailedInTheLastSevenDays() {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        assertEquals(2, new FailedRunsCard(processes, Clock.fixed(now, ZoneOffset.UTC)).value());
        assertEquals(Set.of(RunState.FAILED), ((RunFilter) calls.get(0)[0]).states());
        assertEquals(Instant.parse("2026-11-25T08:00:00Z"), calls.get(0)[1]);
    }
}
