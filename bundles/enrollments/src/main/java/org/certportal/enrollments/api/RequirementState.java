package org.certportal.enrollments.api;

import java.time.LocalDate;

/**
 * Where an enrollee stands on one requirement, as the completions feature records it.
 *
 * @param status      the completion status in words ("No status", "Awaiting grade", "Complete", ...)
 * @param completedOn the completion date, or null
 * @param grade       the grade as entered, or null
 */
public record RequirementState(String status, LocalDate completedOn, String grade) {
    public static final String NO_STATUS = "No status";
    public static final String COMPLETE = "Complete";

    /** Nothing recorded yet. */
    public static RequirementState none() {
        return new RequirementState(NO_STATUS, null, null);
    }

    public boolean complete() {
        return COMPLETE.equals(status);
    }
}
