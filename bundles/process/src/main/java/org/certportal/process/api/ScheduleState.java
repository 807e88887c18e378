package org.certportal.process.api;

public enum ScheduleState {
    /** Fires at its next time. */
    ACTIVE,
    /** A one-time schedule that fired. */
    DONE,
    CANCELLED
}
