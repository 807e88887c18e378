package org.certportal.process.api;

/** A start or retry refused because a run of the same type and scope is active; nothing was changed. */
public class RunAlreadyActiveException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final long activeRunId;

    public RunAlreadyActiveException(String message, long activeRunId) {
        super(message);
        this.activeRunId = activeRunId;
    }

    public long activeRunId() {
        return activeRunId;
    }
}
