package org.certportal.process.api;

import java.util.Objects;

/**
 * What processing one row came to.
 *
 * @param state DONE, SKIPPED or FAILED
 * @param message for DONE the change (in a dry run: what would change and why), for the others the
 *        reason; shown to staff and written to the run's outcomes file
 */
public record RowOutcome(RowState state, String message) {
    public RowOutcome {
        Objects.requireNonNull(state, "state");
        if (state == RowState.PENDING) {
            throw new IllegalArgumentException("A processed row is done, skipped or failed, not pending.");
        }
    }

    /** The change was made (or would be, in a dry run); {@code diff} may be null when there is nothing to say. */
    public static RowOutcome done(String diff) {
        return new RowOutcome(RowState.DONE, diff);
    }

    public static RowOutcome skipped(String reason) {
        return new RowOutcome(RowState.SKIPPED, reason);
    }

    /**
     * The row cannot be processed. Return it only before changing anything for the row; to undo
     * changes already made, throw instead: the engine then rolls the row back and records it failed.
     */
    public static RowOutcome failed(String reason) {
        return new RowOutcome(RowState.FAILED, reason);
    }
}
