package org.certportal.completions.api;

import java.util.List;

import org.certportal.enrollments.api.Enrollment;

/** An enrollment as the record-completions page shows it. */
public record EnrolleeProgress(Enrollment enrollment, String contactName, String programName, boolean inOrder,
        List<CompletionStep> steps) {
    public EnrolleeProgress {
        steps = List.copyOf(steps);
    }
}
