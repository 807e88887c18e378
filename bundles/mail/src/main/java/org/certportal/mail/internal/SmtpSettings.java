package org.certportal.mail.internal;

import java.time.Duration;

/** Where and how messages are handed over; the password never appears in {@link #toString()}. */
record SmtpSettings(String host, int port, String from, String username, String password, boolean startTls,
        Duration connectTimeout, Duration readTimeout) {

    boolean authenticates() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        return host + ":" + port + " from " + from + (authenticates() ? " as " + username : "")
                + (startTls ? " with STARTTLS" : "");
    }
}
