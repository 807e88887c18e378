package org.certportal.process.api;

import java.util.Set;

/**
 * Which runs to list; null or empty parts match everything.
 *
 * @param typeId exact type id
 * @param states any of these states
 * @param startedBy exact user name
 */
public record RunFilter(String typeId, Set<RunState> states, String startedBy) {
    public RunFilter {
        states = states == null ? Set.of() : Set.copyOf(states);
        typeId = typeId == null || typeId.isBlank() ? null : typeId.strip();
        startedBy = startedBy == null || startedBy.isBlank() ? null : startedBy.strip();
    }

    public static RunFilter all() {
        return new RunFilter(null, Set.of(), null);
    }

    public static RunFilter active() {
        return new RunFilter(null, Set.of(RunState.QUEUED, RunState.RUNNING, RunState.CANCELLING), null);
    }
}
