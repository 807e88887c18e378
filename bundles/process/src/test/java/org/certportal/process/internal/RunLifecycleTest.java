package org.certportal.process.internal;

import static org.certportal.process.api.RunState.CANCELLED;
import static org.certportal.process.api.RunState.CANCELLING;
import static org.certportal.process.api.RunState.COMPLETED;
import static org.certportal.process.api.RunState.FAILED;
import static org.certportal.process.api.RunState.QUEUED;
import static org.certportal.process.api.RunState.RUNNING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;

import org.certportal.process.api.RunState;
import org.junit.jupiter.api.Test;

class RunLifecycleTest {
    private static final Set<String> ALLOWED = Set.of("QUEUED>RUNNING", "QUEUED>CANCELLED", "QUEUED>FAILED",
            "RUNNING>COMPLETED", "RUNNING>FAILED", "RUNNING>CANCELLING", "RUNNING>QUEUED", "CANCELLING>CANCELLED",
            "CANCELLING>COMPLETED");

    @Test
    void everyTransitionIsAllowedOrRefusedAsTheLifecycleSays() {
        for (RunState from : RunState.values()) {
            for (RunState to : RunState.values()) {
                boolean expected = ALLOWED.contains(from + ">" + to);
                assertEquals(expected, RunLifecycle.allowed(from, to), from + " → " + to);
                if (expected) {
                    RunLifecycle.check(from, to);
                } else {
                    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunLifecycle.check(from, to));
                    assertTrue(e.getMessage().startsWith("A " + from.name().toLowerCase()), e.getMessage());
                }
            }
        }
    }

    @Test
    void finalStatesNeverChange() {
        for (RunState s : EnumSet.of(CANCELLED, COMPLETED, FAILED)) {
            assertTrue(s.isFinal());
            assertFalse(s.isActive());
            assertTrue(RunLifecycle.sourcesOf(s).stream().noneMatch(RunState::isFinal));
        }
        assertTrue(QUEUED.isActive() && RUNNING.isActive() && CANCELLING.isActive());
    }

    @Test
    void guardedUpdatesAcceptExactlyTheAllowedSources() {
        assertEquals(EnumSet.of(QUEUED), RunLifecycle.sourcesOf(RUNNING));
        assertEquals(EnumSet.of(RUNNING), RunLifecycle.sourcesOf(QUEUED));
        assertEquals(EnumSet.of(QUEUED, CANCELLING), RunLifecycle.sourcesOf(CANCELLED));
        assertEquals(EnumSet.of(RUNNING, CANCELLING), RunLifecycle.sourcesOf(COMPLETED));
        assertEquals(EnumSet.of(QUEUED, RUNNING), RunLifecycle.sourcesOf(FAILED));
        assertEquals(EnumSet.of(RUNNING), RunLifecycle.sourcesOf(CANCELLING));
    }

    @Test
    void cancelCancelsAQueuedRunAtOnceAndAsksARunningOneToStop() {
        assertEquals(CANCELLED, RunLifecycle.onCancel(QUEUED));
        assertEquals(CANCELLING, RunLifecycle.onCancel(RUNNING));
        assertEquals(CANCELLING, RunLifecycle.onCancel(CANCELLING), "asking twice changes nothing");
        for (RunState s : EnumSet.of(CANCELLED, COMPLETED, FAILED)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLifecycle.onCancel(s));
            assertTrue(e.getMessage().startsWith("The run has already finished"));
        }
    }

    @Test
    void aStoppingWorkerQueuesItsRunOrEndsIt() {
        assertEquals(QUEUED, RunLifecycle.onWorkerStop(RUNNING, true), "rows left: it resumes later");
        assertEquals(COMPLETED, RunLifecycle.onWorkerStop(RUNNING, false));
        assertEquals(CANCELLED, RunLifecycle.onWorkerStop(CANCELLING, true));
        assertEquals(COMPLETED, RunLifecycle.onWorkerStop(CANCELLING, false), "the cancel came after the last chunk");
        for (RunState s : EnumSet.of(QUEUED, CANCELLED, COMPLETED, FAILED)) {
            assertThrows(IllegalStateException.class, () -> RunLifecycle.onWorkerStop(s, true));
        }
    }
}
