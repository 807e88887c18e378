package org.certportal.mail.api;

/** Where a message of the outbox stands. */
public enum MailStatus {
    /** Waiting for its (next) attempt. */
    QUEUED,
    /** Claimed by one portal, which is handing it to the SMTP server right now. */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** Refused for good, or every attempt failed; only a resend by hand tries again. */
    FAILED
}
