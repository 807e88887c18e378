package org.certportal.process.api;

/**
 * How a run is made, beside its parameters.
 *
 * @param dryRun preview: every row is processed to say what would change, and nothing changes
 * @param notifyTo an email address told when the run starts and when it ends (through the mail
 *        outbox); null for none. Portal users have no address of their own yet, so it is given here.
 */
public record RunOptions(boolean dryRun, String notifyTo) {
    public RunOptions {
        notifyTo = notifyTo == null || notifyTo.isBlank() ? null : notifyTo.strip();
    }

    public static RunOptions run() {
        return new RunOptions(false, null);
    }

    public static RunOptions preview() {
        return new RunOptions(true, null);
    }

    public RunOptions notifying(String address) {
        return new RunOptions(dryRun, address);
    }
}
