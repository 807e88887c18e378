package org.certportal.enrollments.api;

/**
 * The certification status of an enrollment. {@link #EXPIRING} is never stored: it is
 * derived by tracking from the expiration date and the organisation's expiring-notice setting.
 */
public enum CertificationStatus {
    IN_PROGRESS("In progress"),
    APPLIED("Applied"),
    DECLINED("Declined"),
    ACTIVE("Active"),
    INACTIVE("Inactive"),
    EXPIRED("Expired"),
    NOT_COMPLETED("Not completed"),
    ADMIN_REVIEW("Admin review"),
    EXPIRING("Expiring"),
    CANCELLED("Cancelled");

    private final String title;

    CertificationStatus(String title) {
        this.title = title;
    }

    /** The name users read. */
    public String title() {
        return title;
    }
}
