package org.certportal.accounting.api;

/** A batch takes new orders while open; a closed batch takes none (its orders may still be paid or cancelled). */
public enum BatchStatus {
    OPEN("Open"),
    CLOSED("Closed");

    private final String title;

    BatchStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
