package org.certportal.enrollments.api;

/**
 * Where a contact's application to a certification program stands. Submitted and Under review are
 * open; Approved, Rejected and Withdrawn are decisions and final.
 */
public enum ApplicationStatus {
    SUBMITTED("Submitted"),
    UNDER_REVIEW("Under review"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    WITHDRAWN("Withdrawn");

    private final String title;

    ApplicationStatus(String title) {
        this.title = title;
    }

    /** The name users read. */
    public String title() {
        return title;
    }

    /** Still waiting for a decision. */
    public boolean open() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }
}
