package org.certportal.enrollments.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a page shows of one enrollment, read together by {@link EnrollmentService#details}.
 *
 * @param steps         the requirements of its rules, in order, with the enrollee's state on each
 * @param deadline      the completion deadline today
 * @param today         the organisation's today the deadline was derived on
 * @param mayEditDates  whether the caller may change its dates
 * @param mayDecide     whether the caller may approve or decline it (an application, and the right to)
 * @param cancelRefused why the caller may not cancel it, in a sentence; null when they may
 */
public record EnrollmentDetails(Enrollment enrollment, List<ProgressStep> steps, CompletionDeadline deadline,
        LocalDate today, boolean mayEditDates, boolean mayDecide, String cancelRefused) {

    public EnrollmentDetails {
        steps = List.copyOf(steps);
    }

    public boolean mayCancel() {
        return cancelRefused == null;
    }
}
