package org.certportal.process.internal;

/** Asks the engine to look for queued runs now rather than at its next poll. */
public interface EngineWakeUp {
    void wakeUp();
}
