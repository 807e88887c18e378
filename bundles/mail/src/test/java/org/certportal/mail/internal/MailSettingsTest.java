package org.certportal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MailSettingsTest {
    private static Map<String, Object> cfg(String... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static String refusal(String... keyValues) {
        return assertThrows(IllegalArgumentException.class, () -> MailSettings.from(cfg(keyValues))).getMessage();
    }

    @Test
    void defaultsWhenNothingIsConfigured() {
        assertFalse(MailSettings.from(Map.of()).serverConfigured(), "no server until smtpHost names one");
        MailSettings s = MailSettings.from(Map.of("smtpHost", "localhost"));
        assertTrue(s.serverConfigured());
        assertEquals("localhost", s.smtp().host());
        assertEquals(25, s.smtp().port());
        assertEquals("certportal@localhost", s.smtp().from());
        assertFalse(s.smtp().authenticates());
        assertFalse(s.smtp().startTls());
        assertEquals(Duration.ofSeconds(5), s.pollInterval());
        assertEquals(new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), 8), s.backoff());
        assertEquals(Duration.ofMinutes(10), s.staleAfter());
    }

    @Test
    void readsTheShippedFileAsText() {
        MailSettings s = MailSettings.from(cfg("smtpHost", " mail.example.org ", "smtpPort", "587", "from",
                "portal@example.org", "username", "portal", "password", " s3cret ", "startTls", "TRUE",
                "pollSeconds", "10", "maxAttempts", "3", "firstRetrySeconds", "30", "maxRetrySeconds", "30",
                "connectTimeoutSeconds", "", "staleSendingMinutes", "20"));
        assertEquals("mail.example.org", s.smtp().host());
        assertEquals(587, s.smtp().port());
        assertTrue(s.smtp().authenticates());
        assertEquals(" s3cret ", s.smtp().password(), "a password is taken as written");
        assertTrue(s.smtp().startTls());
        assertEquals(Duration.ofSeconds(10), s.smtp().connectTimeout(), "empty means the default");
        assertEquals(new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), 3), s.backoff());
        assertEquals(Duration.ofMinutes(20), s.staleAfter());
        assertFalse(s.smtp().toString().contains("s3cret"), "the password is never logged");
    }

    @Test
    void typedValuesFromConfigAdminWorkToo() {
        Map<String, Object> typed = new HashMap<>();
        typed.put("smtpHost", "localhost");
        typed.put("smtpPort", 2525);
        typed.put("startTls", Boolean.TRUE);
        MailSettings s = MailSettings.from(typed);
        assertEquals(2525, s.smtp().port());
        assertTrue(s.smtp().startTls());
    }

    @Test
    void malformedValuesAreExplainedByKey() {
        assertEquals("etc/org.certportal.mail.cfg: smtpPort must be a whole number from 1 to 65535, not '70000'.",
                refusal("smtpPort", "70000"));
        assertEquals("etc/org.certportal.mail.cfg: smtpPort must be a whole number from 1 to 65535, not '0'.",
                refusal("smtpPort", "0"));
        assertEquals("etc/org.certportal.mail.cfg: smtpPort must be a whole number from 1 to 65535, not 'smtp'.",
                refusal("smtpPort", "smtp"));
        assertEquals("etc/org.certportal.mail.cfg: startTls must be true or false, not 'yes'.",
                refusal("startTls", "yes"));
        assertEquals("etc/org.certportal.mail.cfg: smtpHost must be a host name, not 'mail example'.",
                refusal("smtpHost", "mail example"));
        assertTrue(refusal("from", "portal").startsWith(
                "etc/org.certportal.mail.cfg: from must be an email address such as certportal@example.org, not 'portal'"));
        assertTrue(refusal("from", "a@b.org, c@d.org").contains("not 'a@b.org, c@d.org'"));
        assertEquals("etc/org.certportal.mail.cfg: maxRetrySeconds (30) must not be less than firstRetrySeconds (60).",
                refusal("maxRetrySeconds", "30"));
        assertEquals("etc/org.certportal.mail.cfg: maxAttempts must be a whole number from 1 to 100, not '0'.",
                refusal("maxAttempts", "0"));
        assertTrue(refusal("staleSendingMinutes", "1", "readTimeoutSeconds", "600").startsWith(
                "etc/org.certportal.mail.cfg: staleSendingMinutes (1) must be longer than a send can take"));
    }
}
