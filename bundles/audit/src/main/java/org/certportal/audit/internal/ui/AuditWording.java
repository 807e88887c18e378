package org.certportal.audit.internal.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An audit entry's changes in words for people: "status: IN_PROGRESS → ACTIVE" reads "Status: In
 * progress → Active", "fix: false → true" reads "Fix: no → yes", no value reads "none". The log
 * keeps the stored text (filters and exports see it as written); only the page words it.
 */
final class AuditWording {
    private static final Pattern LINE = Pattern.compile("([^:\\n]+): (.*) → (.*)");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern ENUM_FIELD = Pattern.compile("(?i).*(status|state|kind|type|basis|role).*");

    private AuditWording() {
    }

    /** Each "field: old → new" line in words, joined with "; "; other lines as they are. */
    static String changes(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        return Arrays.stream(stored.split("\n")).map(AuditWording::line).collect(Collectors.joining("; "));
    }

    private static String line(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return line;
        }
        String field = m.group(1).strip();
        return field(field) + ": " + value(field, m.group(2)) + " → " + value(field, m.group(3));
    }

    /** "expiresOn" and "expires_on" read "Expires on". */
    static String field(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * A value in words. Upper-case constants are reworded only where they are a state or kind
     * (the field says so, or the value has an underscore), so a name written in capitals stays.
     */
    static String value(String field, String value) {
        String v = value.strip();
        if (v.equals("∅") || v.isEmpty()) {
            return "none";
        }
        if (v.equals("true")) {
            return "yes";
        }
        if (v.equals("false")) {
            return "no";
        }
        if (CONSTANT.matcher(v).matches() && v.length() > 1 && (v.contains("_") || ENUM_FIELD.matcher(field).matches())) {
            String words = v.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return v;
    }
}
