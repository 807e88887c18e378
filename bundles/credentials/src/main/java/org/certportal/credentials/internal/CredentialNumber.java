package org.certportal.credentials.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printed number of an awarded credential: {@code PREFIX-YEAR-SEQUENCE-CC}, e.g.
 * {@code HSD-2026-0000042-17}.
 * <ul>
 * <li>PREFIX: the credential type's code (2 to 8 upper-case letters or digits, starting with a letter);</li>
 * <li>YEAR: the year it was awarded;</li>
 * <li>SEQUENCE: from one database sequence for all types and years, at least 7 digits, so a number is
 * never given twice even across types, years or a prefix changed later;</li>
 * <li>CC: two check digits, ISO 7064 MOD 97-10 (as in IBAN) over PREFIX, YEAR and SEQUENCE with letters
 * counted A=10 ... Z=35.</li>
 * </ul>
 * MOD 97-10 rather than Luhn: it catches every single mistyped character and every swap of two
 * neighbouring characters (Luhn misses 09/90 and works on digits only), and letters in the prefix are
 * checked too. Numbers may have gaps: a block of sequence numbers taken by a portal that stops, or by a
 * chunk that rolls back, is never handed out again.
 */
public record CredentialNumber(String prefix, int year, long sequence) {
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{1,7}");
    private static final Pattern TEXT = Pattern.compile("([A-Z][A-Z0-9]{1,7})-(\\d{4})-(\\d{7,18})-(\\d{2})");

    public CredentialNumber {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("A credential number prefix is 2 to 8 upper-case letters or digits,"
                    + " starting with a letter: " + prefix);
        }
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("A credential number's year has four digits: " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("A credential number's sequence starts at 1: " + sequence);
        }
    }

    /** The printed form, with its check digits. */
    @Override
    public String toString() {
        String body = body();
        return body + "-" + checkDigits(body);
    }

    private String body() {
        return prefix + "-" + year + "-" + String.format(Locale.ROOT, "%07d", sequence);
    }

    /**
     * The number a text stands for, when it is well formed and its check digits match (spaces around it
     * and lower case are forgiven).
     */
    public static Optional<CredentialNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        CredentialNumber n;
        try {
            n = new CredentialNumber(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
        } catch (IllegalArgumentException e) {
            // a year such as 0226, a sequence of zeros, digits beyond a long
            return Optional.empty();
        }
        String body = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        return checkDigits(body).equals(m.group(4)) && n.body().equals(body) ? Optional.of(n) : Optional.empty();
    }

    /**
     * The number a text stands for, or a sentence saying what is wrong with it: not a number at all, or
     * well formed with check digits that do not match (a mistyped character).
     *
     * @throws IllegalArgumentException with that sentence
     */
    public static CredentialNumber require(String text) {
        Optional<CredentialNumber> n = parse(text);
        if (n.isPresent()) {
            return n.get();
        }
        String shown = text == null ? "" : text.strip();
        Matcher m = TEXT.matcher(shown.toUpperCase(Locale.ROOT));
        if (m.matches()) {
            throw new IllegalArgumentException("The check digits of " + shown + " do not match the rest of the"
                    + " number: a character is mistyped.");
        }
        throw new IllegalArgumentException("'" + shown + "' is no credential number: it reads like"
                + " HSD-2026-0000042-17.");
    }

    /** ISO 7064 MOD 97-10 check digits of the letters and digits of the text ('-' is left out). */
    static String checkDigits(String body) {
        int remainder = 0;
        for (char ch : body.toCharArray()) {
            if (ch == '-') {
                continue;
            }
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        int check = 98 - (remainder * 100) % 97;
        return String.format(Locale.ROOT, "%02d", check);
    }
}
