package org.certportal.enrollments.api;

/** The tracker an enrollment counts in on a given day (the four enrollment trackers, plus closed ones). */
public enum Standing {
    /** earned, and the certification has not expired */
    EARNED("Earned"),
    /** not earned, before the grace period */
    ENROLLED("Enrolled, not earned"),
    /** not earned, past the completion deadline but not past the expiration date */
    GRACE_PERIOD("Grace period"),
    /** past the expiration date (without completing, or the certification lapsed), or marked Expired */
    EXPIRED("Expired"),
    /** cancelled, declined, inactive or not completed: in no tracker */
    CLOSED("Closed");

    private final String title;

    Standing(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
