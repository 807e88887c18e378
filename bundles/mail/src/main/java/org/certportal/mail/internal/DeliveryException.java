package org.certportal.mail.internal;

/**
 * The SMTP server did not take a message.
 *
 * @see #permanent()
 */
final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    DeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    /** The server refused this message for good (a 5xx answer): retrying cannot help. */
    boolean permanent() {
        return permanent;
    }
}
