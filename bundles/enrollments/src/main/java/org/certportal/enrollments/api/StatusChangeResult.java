package org.certportal.enrollments.api;

import java.util.List;

/**
 * What {@link EnrollmentService#changeStatus} did.
 *
 * @param changed the enrollments as they are after their move, in the order asked
 * @param refused the moves the status rules do not allow (or of enrollments that do not exist), each
 *                with a sentence for the user; nothing of them was written or audited
 */
public record StatusChangeResult(List<Enrollment> changed, List<Refused> refused) {

    /** A move that was not made, and why. */
    public record Refused(long enrollmentId, String reason) {
    }

    public StatusChangeResult {
        changed = List.copyOf(changed);
        refused = List.copyOf(refused);
    }
}
