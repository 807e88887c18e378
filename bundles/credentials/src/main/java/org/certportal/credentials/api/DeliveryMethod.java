package org.certportal.credentials.api;

/** How a printed document reaches the student. */
public enum DeliveryMethod {
    /** Mailed to the student's own mailing address. */
    MAIL_TO_STUDENT,
    /** Sent to the school the student achieved it at, which hands it over. */
    SEND_TO_SCHOOL
}
