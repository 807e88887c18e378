package org.certportal.process.api;

/** How often a schedule fires, at the local time of its first firing in its time zone. */
public enum Recurrence {
    /** Once. */
    NONE,
    DAILY,
    WEEKLY,
    /** On the same day of each month; in shorter months on their last day. */
    MONTHLY
}
