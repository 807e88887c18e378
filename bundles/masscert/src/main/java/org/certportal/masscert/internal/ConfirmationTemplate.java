package org.certportal.masscert.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certportal.mail.api.MailMessage;
import org.certportal.masscert.api.ConfirmationEmail;
import org.certportal.masscert.api.ConfirmationEmail.Wording;

/**
 * The confirmation email of a mass certification, in two wordings: {@link Wording#CERTIFIED} (a free
 * certification, or a fee paid) and {@link Wording#ORDERED} (an order to pay). Staff edit subject and body;
 * {@code {placeholder}}s are filled per applicant.
 */
record ConfirmationTemplate(Wording kind, String subject, String body) {
    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 8000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    ConfirmationTemplate {
        Objects.requireNonNull(kind, "kind");
        subject = subject == null ? "" : subject.strip();
        body = body == null ? "" : body.strip();
    }

    static ConfirmationTemplate of(ConfirmationEmail e) {
        if (e == null || e.wording() == null) {
            throw new IllegalArgumentException("Choose the wording to save: certified or order to pay.");
        }
        return new ConfirmationTemplate(e.wording(), e.subject(), e.body());
    }

    ConfirmationEmail email() {
        return new ConfirmationEmail(kind, subject, body);
    }

    static ConfirmationTemplate standard(Wording kind) {
        return switch (kind) {
            case CERTIFIED -> new ConfirmationTemplate(kind, "You are certified: {program}", """
                    Dear {name},

                    we are pleased to confirm your certification {program}, effective {earned}{expires}.

                    Congratulations.""");
            case ORDERED -> new ConfirmationTemplate(kind, "{program}: your certification fee", """
                    Dear {name},

                    you have met the requirements of {program}. To complete your certification, please pay the \
                    fee of {amount} {currency} (order {order}). Your certification becomes active when we receive \
                    the payment, and we will confirm it by email.""");
        };
    }

    /**
     * @throws IllegalArgumentException when subject or body is blank or too long, or names a placeholder
     *         this wording does not fill
     */
    ConfirmationTemplate checked() {
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The subject of the " + kind.title().toLowerCase() + " email is one"
                    + " line of 1 to " + MAX_SUBJECT + " characters.");
        }
        if (body.isEmpty() || body.length() > MAX_BODY) {
            throw new IllegalArgumentException("The text of the " + kind.title().toLowerCase() + " email is 1 to "
                    + MAX_BODY + " characters.");
        }
        TreeSet<String> unknown = new TreeSet<>();
        for (String text : List.of(subject, body)) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!kind.placeholders().contains(m.group(1))) {
                    unknown.add("{" + m.group(1) + "}");
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("The " + kind.title().toLowerCase() + " email uses "
                    + String.join(", ", unknown) + ", which it cannot fill; use "
                    + String.join(", ", kind.placeholders().stream().map(p -> "{" + p + "}").toList()) + ".");
        }
        return this;
    }

    /**
     * The message to one applicant; null when they have no usable address (the applicant is certified all
     * the same, and the run's row says so).
     *
     * @param values by placeholder name; a missing one is left empty
     */
    MailMessage render(String to, Map<String, String> values) {
        if (to == null || to.isBlank()) {
            return null;
        }
        String s = fill(subject, values);
        try {
            return new MailMessage(to.strip(), s.length() > MailMessage.MAX_SUBJECT ? s.substring(0,
                    MailMessage.MAX_SUBJECT) : s, fill(body, values) + "\n");
        } catch (IllegalArgumentException invalidAddress) {
            return null;
        }
    }

    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Objects.requireNonNullElse(values.get(m.group(1)),
                    "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The values of a certified applicant. */
    static Map<String, String> certified(String name, String program, Object earned, Object expires) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("program", program);
        v.put("earned", String.valueOf(earned));
        v.put("expires", expires == null ? "" : " until " + expires);
        return v;
    }

    /** The values of an applicant with an order to pay. */
    static Map<String, String> ordered(String name, String program, String amount, String currency, Object order) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("program", program);
        v.put("amount", amount);
        v.put("currency", currency);
        v.put("order", String.valueOf(order));
        return v;
    }
}
