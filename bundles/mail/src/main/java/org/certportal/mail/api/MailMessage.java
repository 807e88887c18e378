package org.certportal.mail.api;

import java.nio.charset.StandardCharsets;

import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;

/**
 * A plain-text message to one recipient, checked when it is made: an invalid address, a blank or
 * too long subject or a too large body throws {@link IllegalArgumentException} with a clear message.
 *
 * @param to one plain address such as ada@example.org
 * @param subject one line of 1 to {@value #MAX_SUBJECT} characters
 * @param body plain text of at most {@value #MAX_BODY_BYTES} bytes in UTF-8; null counts as empty
 */
public record MailMessage(String to, String subject, String body) {
    public static final int MAX_ADDRESS = 254;
    public static final int MAX_SUBJECT = 300;
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    public MailMessage {
        to = address(to);
        subject = subject(subject);
        body = body == null ? "" : body;
        // a char is at most 3 bytes in UTF-8: only long bodies need encoding to be measured
        if (body.length() > MAX_BODY_BYTES / 3 && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("The message body is too large: at most 1 MiB.");
        }
    }

    private static String address(String to) {
        if (to == null || to.isBlank()) {
            throw new IllegalArgumentException("A recipient address is required.");
        }
        String address = to.strip();
        if (address.length() > MAX_ADDRESS || address.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("'" + printable(address) + "' is not a valid email address.");
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(address, true);
            parsed.validate();
        } catch (AddressException e) {
            throw new IllegalArgumentException("'" + address + "' is not a valid email address (" + e.getMessage()
                    + ").", e);
        }
        // one bare address: names and lists would make the stored recipient ambiguous
        if (parsed.getPersonal() != null || !address.equals(parsed.getAddress())) {
            throw new IllegalArgumentException("Give the recipient as one plain address such as ada@example.org, not '"
                    + address + "'.");
        }
        return address;
    }

    private static String subject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A subject is required.");
        }
        String s = subject.strip();
        if (s.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("The subject is too long: at most " + MAX_SUBJECT + " characters.");
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The subject must be one line without control characters.");
        }
        return s;
    }

    private static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
