package org.certportal.enrollments.internal;

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
}
