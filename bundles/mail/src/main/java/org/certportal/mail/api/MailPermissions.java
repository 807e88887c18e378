package org.certportal.mail.api;

/** Permissions the mail outbox checks. Queueing needs none: the change that causes a message was checked. */
public final class MailPermissions {
    /** See the outbox: queued, sent and failed messages and why. */
    public static final String READ = "mail.read";
    /** Put a failed or sent message back in the queue. */
    public static final String RESEND = "mail.resend";
    /** Queue a test message to check the SMTP settings. */
    public static final String TEST = "mail.test";

    private MailPermissions() {
    }
}
