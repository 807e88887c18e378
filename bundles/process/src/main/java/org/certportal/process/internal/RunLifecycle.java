package org.certportal.process.internal;

import static org.certportal.process.api.RunState.CANCELLED;
import static org.certportal.process.api.RunState.CANCELLING;
import static org.certportal.process.api.RunState.COMPLETED;
import static org.certportal.process.api.RunState.FAILED;
import static org.certportal.process.api.RunState.QUEUED;
import static org.certportal.process.api.RunState.RUNNING;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.certportal.process.api.RunState;

/**
 * The transitions a run may make:
 * <pre>
 * QUEUED     → RUNNING (a worker claims it), CANCELLED (cancel before it started), FAILED (cannot start)
 * RUNNING    → COMPLETED, FAILED, CANCELLING (cancel asked),
 *              QUEUED (interrupted: its portal stops, its type went away, or its owner died)
 * CANCELLING → CANCELLED (after the chunk), COMPLETED (the last chunk had just finished)
 * </pre>
 * Final states never change: a retry is a new run.
 */
final class RunLifecycle {
    private static final Map<RunState, Set<RunState>> NEXT = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED),
            RUNNING, EnumSet.of(COMPLETED, FAILED, CANCELLING, QUEUED),
            CANCELLING, EnumSet.of(CANCELLED, COMPLETED),
            CANCELLED, EnumSet.noneOf(RunState.class),
            COMPLETED, EnumSet.noneOf(RunState.class),
            FAILED, EnumSet.noneOf(RunState.class));

    private RunLifecycle() {
    }

    static boolean allowed(RunState from, RunState to) {
        return NEXT.get(from).contains(to);
    }

    /** The states a run may move to {@code to} from: the WHERE clause of the guarded UPDATE. */
    static Set<RunState> sourcesOf(RunState to) {
        Set<RunState> from = EnumSet.noneOf(RunState.class);
        NEXT.forEach((f, next) -> {
            if (next.contains(to)) {
                from.add(f);
            }
        });
        return from;
    }

    /** @throws IllegalStateException for a transition the lifecycle does not have */
    static void check(RunState from, RunState to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("A " + label(from) + " run cannot become " + label(to) + ".");
        }
    }

    /** How a cancel request treats a run in this state: the state it moves to. */
    static RunState onCancel(RunState state) {
        return switch (state) {
            case QUEUED -> CANCELLED;
            case RUNNING -> CANCELLING;
            case CANCELLING -> CANCELLING;
            default -> throw new IllegalArgumentException("The run has already finished (" + label(state)
                    + "); there is nothing to cancel.");
        };
    }

    /** What a worker that stops between chunks leaves the run as. */
    static RunState onWorkerStop(RunState state, boolean rowsPending) {
        return switch (state) {
            case RUNNING -> rowsPending ? QUEUED : COMPLETED;
            case CANCELLING -> rowsPending ? CANCELLED : COMPLETED;
            default -> throw new IllegalStateException("A worker does not hold a " + label(state) + " run.");
        };
    }

    static String label(RunState s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }
}
