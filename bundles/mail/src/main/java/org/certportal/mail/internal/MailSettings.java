package org.certportal.mail.internal;

import java.time.Duration;
import java.util.Map;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

/**
 * The outbox configuration read from its raw values (etc/org.certportal.mail.cfg gives text). A
 * malformed value throws {@link IllegalArgumentException} naming the key, so nothing is sent with
 * half-understood settings.
 */
record MailSettings(SmtpSettings smtp, Backoff backoff, Duration pollInterval, Duration staleAfter) {
    static final String FILE = "etc/" + MailConfig.PID + ".cfg";

    /** False while smtpHost is empty: nothing is sent and nothing fails. */
    boolean serverConfigured() {
        return smtp != null;
    }

    static MailSettings from(Map<String, ?> values) {
        Reader r = new Reader(values);
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
            throw new IllegalArgumentException(FILE + ": from must be an email address such as certportal@example.org,"
                    + " not '" + from + "' (" + e.getMessage() + ").", e);
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
            throw new IllegalArgumentException(FILE + ": maxRetrySeconds (" + maxRetry
                    + ") must not be less than firstRetrySeconds (" + firstRetry + ").");
        }
        int stale = r.number("staleSendingMinutes", 10, 1, 1440);
        // a message still being sent must never look abandoned: a send takes a connect and a few answers
        if (stale * 60L <= 4L * (connect + read)) {
            throw new IllegalArgumentException(FILE + ": staleSendingMinutes (" + stale + ") must be longer than a send"
                    + " can take (4 x (connectTimeoutSeconds + readTimeoutSeconds) = " + 4 * (connect + read) + " s).");
        }
        SmtpSettings smtp = host.isEmpty() ? null : new SmtpSettings(host, port, from, username, password, startTls,
                Duration.ofSeconds(connect), Duration.ofSeconds(read));
        return new MailSettings(smtp, new Backoff(Duration.ofSeconds(firstRetry), Duration.ofSeconds(maxRetry),
                maxAttempts), Duration.ofSeconds(poll), Duration.ofMinutes(stale));
    }

    /** Reads one key at a time, with the file's name and the key in every complaint. */
    private record Reader(Map<String, ?> values) {
        String raw(String key, String fallback) {
            Object v = values.get(key);
            return v == null ? fallback : v.toString();
        }

        String text(String key, String fallback) {
            return raw(key, fallback).strip();
        }

        int number(String key, int fallback, int min, int max) {
            String v = text(key, "");
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // explained below
            }
            throw wrong(key, "a whole number from " + min + " to " + max);
        }

        boolean flag(String key, boolean fallback) {
            String v = text(key, "");
            if (v.isEmpty()) {
                return fallback;
            }
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            throw wrong(key, "true or false");
        }

        IllegalArgumentException wrong(String key, String expected) {
            return new IllegalArgumentException(FILE + ": " + key + " must be " + expected + ", not '" + raw(key, "")
                    + "'.");
        }
    }
}
