package org.certportal.enrollments.api;

/**
 * The certification status of an enrollment. {@link #EXPIRING} is never stored: it is
 * derived by tracking from the expiration date and the organisation's expiring-notice setting.
 * {@link #AWAITING_PAYMENT} (since 1.7): every requirement of a certification with a fee is met and the
 * fee is not paid yet; only the payment earns it ({@link EnrollmentService#markPaid}).
 */
public enum CertificationStatus {
    IN_PROGRESS("In progress"),
    AWAITING_PAYMENT("Awaiting payment"),
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
