package org.certportal.mail.internal;

import java.time.Duration;
import java.util.Map;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

import org.certportal.security.api.config.ConfigValues;
import org.certportal.security.api.config.LastGoodSettings;
import org.slf4j.LoggerFactory;

/**
 * The outbox configuration read from its raw values (etc/org.certportal.mail.cfg gives text). A
 * malformed value throws {@link IllegalArgumentException} naming the file and the key, so nothing is
 * sent with half-understood settings; {@link #accept} then keeps the last good ones.
 */
record MailSettings(SmtpSettings smtp, Backoff backoff, Duration pollInterval, Duration staleAfter) {
    static final String FILE = "etc/" + MailConfig.PID + ".cfg";
    // kept by the bundle: a dispatcher activated again after a bad edit sends with the last good values
    private static final LastGoodSettings<MailSettings> LAST_GOOD = new LastGoodSettings<>(
            LoggerFactory.getLogger(MailSettings.class), "Mail goes on with the last good settings until it is fixed"
                    + " (none since this start: then nothing is sent, and queued messages wait).");

    /** False while smtpHost is empty: nothing is sent and nothing fails. */
    boolean serverConfigured() {
        return smtp != null;
    }

    /** These settings when they are good, else the last good ones (at a start: none, so nothing is sent). */
    static MailSettings accept(Map<String, ?> values) {
        return LAST_GOOD.accept(() -> from(values), () -> from(Map.of()));
    }

    /** Forgets the last good values (tests). */
    static void forget() {
        LAST_GOOD.forget();
    }

    static MailSettings from(Map<String, ?> values) {
        ConfigValues r = new ConfigValues(MailConfig.PID, values);
        // empty: no server yet; mail is kept queued and the outbox view says so
        String host = r.text("smtpHost", "");
        if (host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw r.wrong("smtpHost", "a host name");
        }
        int port = r.number("smtpPort", 25, 1, 65535);
        String from = r.text("from", "certportal@localhost");
        try {
            new InternetAddress(from, true).validate();
        } catch (AddressException e) {
            throw r.refused("from must be an email address such as certportal@example.org, not '" + from + "' ("
                    + e.getMessage() + ").");
        }
        String username = r.text("username", "");
        String password = r.raw("password", "");
        boolean startTls = r.flag("startTls", false);
        int connect = r.number("connectTimeoutSeconds", 10, 1, 300);
        int read = r.number("readTimeoutSeconds", 30, 1, 600);
        int poll = r.number("pollSeconds", 5, 1, 3600);
        int maxAttempts = r.number("maxAttempts", 8, 1, Backoff.MAX_ATTEMPTS_LIMIT);
        int firstRetry = r.number("firstRetrySeconds", 60, 1, 86_400);
        int maxRetry = r.number("maxRetrySeconds", 3600, 1, 7 * 86_400);
        if (maxRetry < firstRetry) {
            throw r.refused("maxRetrySeconds (" + maxRetry + ") must not be less than firstRetrySeconds ("
                    + firstRetry + ").");
        }
        int stale = r.number("staleSendingMinutes", 10, 1, 1440);
        // a message still being sent must never look abandoned: a send takes a connect and a few answers
        if (stale * 60L <= 4L * (connect + read)) {
            throw r.refused("staleSendingMinutes (" + stale + ") must be longer than a send can take"
                    + " (4 x (connectTimeoutSeconds + readTimeoutSeconds) = " + 4 * (connect + read) + " s).");
        }
        SmtpSettings smtp = host.isEmpty() ? null : new SmtpSettings(host, port, from, username, password, startTls,
                Duration.ofSeconds(connect), Duration.ofSeconds(read));
        return new MailSettings(smtp, new Backoff(Duration.ofSeconds(firstRetry), Duration.ofSeconds(maxRetry),
                maxAttempts), Duration.ofSeconds(poll), Duration.ofMinutes(stale));
    }
}
