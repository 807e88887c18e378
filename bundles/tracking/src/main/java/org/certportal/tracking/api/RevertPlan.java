package org.certportal.tracking.api;

import java.time.Instant;

/**
 * What reverting a mass drop run will do, or did.
 *
 * @param toMoveBack   rows nobody changed since the run: a revert moves them back
 * @param toLeaveAlone rows changed since by someone else (or gone): a revert leaves them and lists them
 * @param revertedAt   when the run was reverted; null while it was not
 * @param revertedBy   who reverted it; null while it was not
 * @param movedBack    how many rows the revert moved back (0 while not reverted)
 */
public record RevertPlan(long runId, String parameters, long toMoveBack, long toLeaveAlone, Instant revertedAt,
        String revertedBy, long movedBack) {

    public boolean reverted() {
        return revertedAt != null;
    }
}
