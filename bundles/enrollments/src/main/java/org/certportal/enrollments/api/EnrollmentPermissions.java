package org.certportal.enrollments.api;

/** Permissions the enrollment service checks; the roles holding each are in its permission provider. */
public final class EnrollmentPermissions {
    /** See enrollments, trackers and progress (Staff). */
    public static final String READ = "enrollments.read";
    /** Enroll contacts, edit enrollment dates, approve or decline applications (Staff). */
    public static final String EDIT = "enrollments.edit";
    /**
     * Cancel any enrollment (Certification Admin and up); Staff may cancel only in programs whose
     * rules let enrollees cancel.
     */
    public static final String CANCEL_ANY = "enrollments.cancel-any";
    /** Purge inactive enrollments (Certification Manager and up). */
    public static final String PURGE = "enrollments.purge";
    /** Print a contact's transcript (Staff). */
    public static final String TRANSCRIPT = "enrollments.transcript";

    private EnrollmentPermissions() {
    }
}
