package org.certportal.mail.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MailMessageTest {
    private static String refusal(String to, String subject, String body) {
        return assertThrows(IllegalArgumentException.class, () -> new MailMessage(to, subject, body)).getMessage();
    }

    @Test
    void cleansInput() {
        MailMessage m = new MailMessage("  ada@example.org ", "  Your certificate ", null);
        assertEquals("ada@example.org", m.to());
        assertEquals("Your certificate", m.subject());
        assertEquals("", m.body());
        assertEquals("root@localhost", new MailMessage("root@localhost", "s", "b").to(), "a host without dots is an address");
    }

    @Test
    void addressMustBeOnePlainValidAddress() {
        assertEquals("A recipient address is required.", refusal(" ", "s", "b"));
        assertEquals("A recipient address is required.", refusal(null, "s", "b"));
        assertEquals("'ada' is not a valid email address (Missing final '@domain').", refusal("ada", "s", "b"));
        assertTrue(refusal("ada@", "s", "b").startsWith("'ada@' is not a valid email address"));
        assertTrue(refusal("a b@example.org", "s", "b").startsWith("'a b@example.org' is not a valid email address"));
        assertEquals("'ada@example.org, bob@example.org' is not a valid email address (Illegal address).",
                refusal("ada@example.org, bob@example.org", "s", "b"));
        assertEquals("Give the recipient as one plain address such as ada@example.org, not 'Ada <ada@example.org>'.",
                refusal("Ada <ada@example.org>", "s", "b"));
        assertEquals("'ada@example.org?Bcc: eve@example.org' is not a valid email address.",
                refusal("ada@example.org\nBcc: eve@example.org", "s", "b"));
        assertTrue(refusal("a".repeat(250) + "@x.org", "s", "b").endsWith("is not a valid email address."));
    }

    @Test
    void subjectIsOneLineOfLimitedLength() {
        assertEquals("A subject is required.", refusal("a@x.org", "  ", "b"));
        assertEquals("A subject is required.", refusal("a@x.org", null, "b"));
        new MailMessage("a@x.org", "s".repeat(MailMessage.MAX_SUBJECT), "b");
        assertEquals("The subject is too long: at most 300 characters.",
                refusal("a@x.org", "s".repeat(MailMessage.MAX_SUBJECT + 1), "b"));
        assertEquals("The subject must be one line without control characters.",
                refusal("a@x.org", "Hello\r\nBcc: eve@example.org", "b"));
    }

    @Test
    void bodyIsAtMostOneMebibyteInUtf8() {
        new MailMessage("a@x.org", "s", "a".repeat(MailMessage.MAX_BODY_BYTES));
        assertEquals("The message body is too large: at most 1 MiB.",
                refusal("a@x.org", "s", "a".repeat(MailMessage.MAX_BODY_BYTES + 1)));
        // 2 bytes each in UTF-8: half as many characters fit
        new MailMessage("a@x.org", "s", "é".repeat(MailMessage.MAX_BODY_BYTES / 2));
        assertEquals("The message body is too large: at most 1 MiB.",
                refusal("a@x.org", "s", "é".repeat(MailMessage.MAX_BODY_BYTES / 2 + 1)));
    }
}
