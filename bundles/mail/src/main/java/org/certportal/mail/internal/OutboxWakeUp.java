package org.certportal.mail.internal;

/** Asks the sender to look for due messages now rather than at its next poll. */
public interface OutboxWakeUp {
    void wakeUp();
}
