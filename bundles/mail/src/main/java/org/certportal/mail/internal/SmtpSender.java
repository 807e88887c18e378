package org.certportal.mail.internal;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPSendFailedException;
import com.sun.mail.smtp.SMTPSenderFailedException;

/** Sends one message per SMTP connection with javax.mail, within the configured timeouts. */
final class SmtpSender implements MailTransport {
    static final String OUTBOX_ID_HEADER = "X-CertPortal-Outbox-Id";
    /** Causes looked at; chains can loop. */
    private static final int MAX_DEPTH = 8;
    private final SmtpSettings settings;
    private final Clock clock;

    SmtpSender(SmtpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void send(OutboxStore.Claimed message) throws DeliveryException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // javax.mail and activation find the smtp provider and the text/plain handler through the
        // context class loader: in OSGi it must be the mail bundle's own
        thread.setContextClassLoader(Session.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties());
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(new InternetAddress(settings.from()));
            mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to()));
            mime.setSubject(message.subject(), "UTF-8");
            mime.setText(message.body(), "UTF-8");
            mime.setSentDate(Date.from(clock.instant()));
            mime.setHeader(OUTBOX_ID_HEADER, String.valueOf(message.id()));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(),
                        settings.authenticates() ? settings.username() : null,
                        settings.authenticates() ? settings.password() : null);
                transport.sendMessage(mime, mime.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new DeliveryException(reason(e), refusedForGood(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.host());
        p.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        p.setProperty("mail.smtp.from", settings.from());
        p.setProperty("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        p.setProperty("mail.smtp.timeout", String.valueOf(settings.readTimeout().toMillis()));
        p.setProperty("mail.smtp.writetimeout", String.valueOf(settings.readTimeout().toMillis()));
        p.setProperty("mail.smtp.auth", String.valueOf(settings.authenticates()));
        if (settings.startTls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    /** A 5xx answer to the sender, a recipient or the message: the same message would be refused again. */
    static boolean refusedForGood(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            int code = t instanceof SMTPAddressFailedException a ? a.getReturnCode()
                    : t instanceof SMTPSenderFailedException s ? s.getReturnCode()
                    : t instanceof SMTPSendFailedException f ? f.getReturnCode() : 0;
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /** One line for staff: each distinct message of the cause chain, without javax.mail's nested dumps. */
    static String reason(Throwable e) {
        Set<String> parts = new LinkedHashSet<>();
        Throwable t = e;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = next(t)) {
            String m = t.getMessage();
            if (m != null) {
                int nested = m.indexOf(";\n  nested exception is:");
                m = (nested >= 0 ? m.substring(0, nested) : m).replaceAll("\\s+", " ").strip();
            }
            parts.add(m == null || m.isEmpty() ? t.getClass().getSimpleName() : m);
        }
        return OutboxStore.shorten(String.join(": ", parts));
    }

    private static Throwable next(Throwable t) {
        return t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
    }
}
