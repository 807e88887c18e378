package org.certportal.enrollments.internal;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * Who may cancel: Certification Admins and up always; Staff (acting for the enrollee) only
 * when the program lets enrollees cancel.
 */
final class CancelPolicy {
    static final String REFUSED = "Not permitted: this program does not let enrollees cancel; only a Certification"
            + " Admin, Certification Manager or SysAdmin may cancel this enrollment.";

    private CancelPolicy() {
    }

    static boolean allows(boolean mayCancelAny, boolean mayEdit, boolean enrolleesMayCancel) {
        return mayCancelAny || mayEdit && enrolleesMayCancel;
    }

    /**
     * Why the caller may not cancel an enrollment in this status, in a sentence; null when they may.
     * The status rules speak first (a closed enrollment cannot be cancelled by anyone).
     */
    static String refusal(CertificationStatus status, boolean mayCancelAny, boolean mayEdit,
            boolean enrolleesMayCancel) {
        String move = StatusRules.refusal(status, CertificationStatus.CANCELLED, null, false);
        if (move != null) {
            return move;
        }
        return allows(mayCancelAny, mayEdit, enrolleesMayCancel) ? null : REFUSED;
    }
}
