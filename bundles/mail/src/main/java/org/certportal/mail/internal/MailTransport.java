package org.certportal.mail.internal;

/** Hands one claimed message to a mail server; {@link SmtpSender} in the portal. */
interface MailTransport {
    void send(OutboxStore.Claimed message) throws DeliveryException;
}
