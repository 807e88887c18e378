package org.certportal.mail.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

/**
 * The mail bundle's own sender (the outbox store, SMTP transport and retry policy its dispatcher uses),
 * wired as the mail bundle's tests wire it, so that tracking's tests see queued reminders really arrive
 * at an SMTP server. It lives in the mail bundle's package because those classes are package-private.
 */
public final class SmtpDelivery {
    private final OutboxDelivery delivery;

    public SmtpDelivery(DataSource dataSource, int smtpPort) {
        SmtpSettings smtp = MailSettings.from(Map.of("smtpHost", "127.0.0.1", "smtpPort", String.valueOf(smtpPort),
                "from", "portal@example.org", "connectTimeoutSeconds", "5", "readTimeoutSeconds", "10")).smtp();
        Clock clock = Clock.systemUTC();
        delivery = new OutboxDelivery(new OutboxStore(dataSource), new SmtpSender(smtp, clock),
                new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 3), clock, "tracking-test");
    }

    /** Sends everything due now, batch after batch. @return how many messages were handed to the server */
    public int sendAllDue() throws SQLException {
        int total = 0;
        for (int sent = delivery.runOnce(() -> false); sent > 0; sent = delivery.runOnce(() -> false)) {
            total += sent;
        }
        return total;
    }
}
