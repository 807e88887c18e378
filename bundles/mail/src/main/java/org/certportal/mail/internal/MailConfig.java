package org.certportal.mail.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * etc/org.certportal.mail.cfg, described for configuration tools. The dispatcher reads the raw
 * values through {@link MailSettings}, which explains a malformed one instead of falling back.
 */
@ObjectClassDefinition(name = "CertPortal mail outbox", description = "SMTP server and retry rules of the mail outbox")
@interface MailConfig {
    String PID = "org.certportal.mail";

    @AttributeDefinition(description = "SMTP server host name")
    String smtpHost() default "";

    @AttributeDefinition(description = "SMTP server port", min = "1", max = "65535")
    int smtpPort() default 25;

    @AttributeDefinition(description = "Sender address of every message")
    String from() default "certportal@localhost";

    @AttributeDefinition(description = "SMTP user name; empty: no authentication")
    String username() default "";

    @AttributeDefinition(description = "SMTP password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Require STARTTLS (never send in clear text when set)")
    boolean startTls() default false;

    @AttributeDefinition(description = "Seconds to wait for the SMTP server to accept a connection", min = "1", max = "300")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(description = "Seconds to wait for each answer of the SMTP server", min = "1", max = "600")
    int readTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Seconds between two looks for due messages", min = "1", max = "3600")
    int pollSeconds() default 5;

    @AttributeDefinition(description = "Attempts before a message is marked failed", min = "1", max = "100")
    int maxAttempts() default 8;

    @AttributeDefinition(description = "Seconds before the first retry; doubled after each further failure", min = "1")
    int firstRetrySeconds() default 60;

    @AttributeDefinition(description = "Longest wait between two attempts, in seconds", min = "1")
    int maxRetrySeconds() default 3600;

    @AttributeDefinition(description = "Minutes after which a message left 'sending' by a stopped portal is queued again", min = "1")
    int staleSendingMinutes() default 10;
}
