package org.certportal.tracking.internal;

/** The reason staff give for a status they set by hand: required, one paragraph. */
final class StatusReasons {
    static final int MAX = 500;

    private StatusReasons() {
    }

    static String required(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("Give the reason for the change; it is kept in the status history.");
        }
        if (r.length() > MAX) {
            throw new IllegalArgumentException("The reason is too long: at most " + MAX + " characters.");
        }
        return r;
    }
}
