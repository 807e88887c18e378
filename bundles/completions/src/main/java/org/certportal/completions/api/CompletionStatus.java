package org.certportal.completions.api;

/**
 * Where a completion stands. {@link #NO_STATUS} is never stored: it is a requirement
 * with nothing recorded. Only {@link #COMPLETE} counts towards earning, and it is final.
 */
public enum CompletionStatus {
    NO_STATUS("No status"),
    /** recorded without the grade the requirement needs */
    AWAITING_GRADE("Awaiting grade"),
    /** the requirement needs staff approval */
    AWAITING_APPROVAL("Awaiting approval"),
    COMPLETE("Complete"),
    /** refused by staff, with a reason; may be recorded again */
    REJECTED("Rejected"),
    /** a failing grade; may be recorded again */
    FAILED("Failed");

    private final String title;

    CompletionStatus(String title) {
        this.title = title;
    }

    /** The name users read; the enrollments progress shows it too. */
    public String title() {
        return title;
    }
}
