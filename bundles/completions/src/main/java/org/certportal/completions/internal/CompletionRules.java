package org.certportal.completions.internal;

import java.time.LocalDate;
import java.util.Locale;

import org.certportal.completions.api.CompletionStatus;
import org.certportal.programs.api.GradeType;

/**
 * The life of a completion: its status after recording, grading, approving and rejecting,
 * the read-only rule of Complete, and the checks of what staff enter.
 */
final class CompletionRules {
    static final int MAX_NOTES = 2000;
    static final int MAX_REASON = 500;
    static final String READ_ONLY = "This completion is complete and can no longer be changed.";

    private CompletionRules() {
    }

    /**
     * The status of a completion as recorded or graded: a needed grade missing waits for it; a failing
     * grade fails; otherwise it waits for approval when the requirement needs it, or is complete.
     */
    static CompletionStatus status(GradeType gradeType, boolean needsApproval, GradeRules.Grade grade) {
        if (grade == null && GradeRules.needsGrade(gradeType)) {
            return CompletionStatus.AWAITING_GRADE;
        }
        if (grade != null && !grade.passing()) {
            return CompletionStatus.FAILED;
        }
        return needsApproval ? CompletionStatus.AWAITING_APPROVAL : CompletionStatus.COMPLETE;
    }

    /** Recording again: anything but Complete (a rejected or failed one is a new attempt). */
    static void checkChangeable(CompletionStatus current) {
        if (current == CompletionStatus.COMPLETE) {
            throw new IllegalArgumentException(READ_ONLY);
        }
    }

    /** Grading: a completion waiting for a grade or approval, or failed (re-grading); a rejected one is recorded again. */
    static void checkGradable(CompletionStatus current) {
        checkChangeable(current);
        if (current == CompletionStatus.REJECTED) {
            throw new IllegalArgumentException("This completion was rejected; record it again instead of grading it.");
        }
    }

    static CompletionStatus approve(CompletionStatus current) {
        checkChangeable(current);
        if (current != CompletionStatus.AWAITING_APPROVAL) {
            throw new IllegalArgumentException("Only a completion awaiting approval can be approved; this one is "
                    + current.title().toLowerCase(Locale.ROOT) + ".");
        }
        return CompletionStatus.COMPLETE;
    }

    static CompletionStatus reject(CompletionStatus current) {
        checkChangeable(current);
        if (current != CompletionStatus.AWAITING_APPROVAL) {
            throw new IllegalArgumentException("Only a completion awaiting approval can be rejected; this one is "
                    + current.title().toLowerCase(Locale.ROOT) + ".");
        }
        return CompletionStatus.REJECTED;
    }

    /** Required, not after today, not before the enrollment date. */
    static LocalDate checkDate(LocalDate completedOn, LocalDate enrolledOn, LocalDate today) {
        if (completedOn == null) {
            throw new IllegalArgumentException("The completion date is required.");
        }
        if (completedOn.isAfter(today)) {
            throw new IllegalArgumentException("The completion date cannot be in the future (today is " + today + ").");
        }
        if (completedOn.isBefore(enrolledOn)) {
            throw new IllegalArgumentException("The completion date cannot be before the enrollment date ("
                    + enrolledOn + ").");
        }
        return completedOn;
    }

    /** Optional, stripped, at most {@value #MAX_NOTES} characters. */
    static String notes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String s = notes.strip();
        if (s.length() > MAX_NOTES) {
            throw new IllegalArgumentException("The notes are too long: at most " + MAX_NOTES + " characters.");
        }
        return s;
    }

    /** Required for a rejection: the enrollee's progress shows it. */
    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give a reason for the rejection; the enrollee's progress shows it.");
        }
        String s = reason.strip();
        if (s.length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason is too long: at most " + MAX_REASON + " characters.");
        }
        return s;
    }
}
