package org.certportal.tracking.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certportal.mail.api.MailMessage;

/**
 * The subject and body of a reminder with placeholders in braces: {@code {name}}, {@code {program}},
 * {@code {expires}} and {@code {daysLeft}}. Unknown placeholders are refused when the template is saved,
 * so a message never goes out with braces left in it.
 */
public final class ReminderTemplate {
    public static final List<String> PLACEHOLDERS = List.of("name", "program", "expires", "daysLeft");
    public static final String DEFAULT_SUBJECT = "Your {program} certification expires on {expires}";
    public static final String DEFAULT_BODY = """
            Dear {name},

            your {program} certification expires on {expires}: {daysLeft} days left.
            Please renew it in time to keep it valid.
            """;
    /** The longest body a template may have (characters); a subject is one line of at most 300. */
    public static final int MAX_BODY = 4000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private ReminderTemplate() {
    }

    /** The values one enrollee gives the placeholders. */
    public record Values(String name, String program, LocalDate expires, int daysLeft) {
        Map<String, String> map() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("program", program);
            m.put("expires", DATE.format(expires));
            m.put("daysLeft", String.valueOf(daysLeft));
            return m;
        }
    }

    /** The subject, checked (required, one line, known placeholders); returns it stripped. */
    public static String checkSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A reminder needs a subject.");
        }
        String s = subject.strip();
        if (s.length() > MailMessage.MAX_SUBJECT || s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The reminder's subject must be one line of at most "
                    + MailMessage.MAX_SUBJECT + " characters.");
        }
        checkPlaceholders(s, "subject");
        return s;
    }

    /** The body, checked (required, at most {@value #MAX_BODY} characters, known placeholders). */
    public static String checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("A reminder needs a message text.");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("The reminder's text is too long: at most " + MAX_BODY
                    + " characters.");
        }
        checkPlaceholders(body, "text");
        return body.strip();
    }

    private static void checkPlaceholders(String text, String where) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("The reminder's " + where + " has an unknown placeholder {"
                        + m.group(1) + "}: use " + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}")
                                .toList()) + ".");
            }
        }
    }

    /** The text with every placeholder replaced (after {@link #checkSubject}/{@link #checkBody}). */
    public static String render(String template, Values values) {
        Map<String, String> map = values.map();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = map.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
