package org.certportal.mail.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.internet.InternetAddress;

import org.junit.jupiter.api.Test;

import com.sun.mail.smtp.SMTPAddressFailedException;

class SmtpSenderTest {
    @Test
    void reasonIsOneReadableLine() {
        MessagingException e = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525; timeout 10000",
                new ConnectException("Connection refused"));
        assertEquals("Couldn't connect to host, port: 127.0.0.1, 2525; timeout 10000: Connection refused",
                SmtpSender.reason(e));
        assertEquals("IllegalStateException", SmtpSender.reason(new IllegalStateException()));
        assertEquals(OutboxStore.MAX_ERROR, SmtpSender.reason(new MessagingException("x".repeat(5000))).length());
    }

    @Test
    void onlyA5xxAnswerIsFinal() throws Exception {
        InternetAddress to = new InternetAddress("ada@example.org");
        SendFailedException rejected = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 550, "550 5.1.1 no such user"));
        assertTrue(SmtpSender.refusedForGood(rejected));
        SendFailedException greylisted = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(to, "RCPT TO", 450, "450 4.2.0 try later"));
        assertFalse(SmtpSender.refusedForGood(greylisted));
        assertFalse(SmtpSender.refusedForGood(new MessagingException("down", new ConnectException("refused"))));
    }
}
