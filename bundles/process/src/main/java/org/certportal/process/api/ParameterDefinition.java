package org.certportal.process.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One parameter of a process type, from which forms and the shell's help are made.
 *
 * @param name key in {@code key=value} form: lower case letters, digits and '-'
 * @param label what a form shows
 * @param kind how the value is checked
 * @param required whether a value must be given (else {@code defaultValue} applies, which may be null)
 * @param defaultValue the value when none is given; null for none
 * @param choices the allowed values of a {@link ParameterKind#CHOICE}; empty otherwise
 * @param description one sentence of help
 */
public record ParameterDefinition(String name, String label, ParameterKind kind, boolean required,
        String defaultValue, List<String> choices, String description) {
    public static final int MAX_LENGTH = 1000;

    public ParameterDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("A parameter name is lower case letters, digits and '-': " + name);
        }
        Objects.requireNonNull(kind, "kind");
        label = label == null || label.isBlank() ? name : label;
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (kind == ParameterKind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("The choice parameter " + name + " needs its choices.");
        }
        description = description == null ? "" : description;
    }

    public static ParameterDefinition text(String name, String label, boolean required, String description) {
        return new ParameterDefinition(name, label, ParameterKind.TEXT, required, null, List.of(), description);
    }

    public static ParameterDefinition integer(String name, String label, boolean required, String defaultValue,
            String description) {
        return new ParameterDefinition(name, label, ParameterKind.INTEGER, required, defaultValue, List.of(),
                description);
    }

    public static ParameterDefinition date(String name, String label, boolean required, String description) {
        return new ParameterDefinition(name, label, ParameterKind.DATE, required, null, List.of(), description);
    }

    public static ParameterDefinition flag(String name, String label, boolean defaultValue, String description) {
        return new ParameterDefinition(name, label, ParameterKind.FLAG, false, String.valueOf(defaultValue),
                List.of(), description);
    }

    public static ParameterDefinition choice(String name, String label, List<String> choices, String defaultValue,
            String description) {
        return new ParameterDefinition(name, label, ParameterKind.CHOICE, defaultValue == null, defaultValue,
                choices, description);
    }

    /**
     * The value in its normal form (trimmed; a flag as true/false; a date as yyyy-MM-dd), or null
     * when blank.
     *
     * @throws IllegalArgumentException with a sentence naming the parameter
     */
    public String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        if (v.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(label + " is too long: at most " + MAX_LENGTH + " characters.");
        }
        switch (kind) {
            case INTEGER -> {
                try {
                    return String.valueOf(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(label + " must be a whole number, not '" + v + "'.");
                }
            }
            case DATE -> {
                try {
                    return LocalDate.parse(v).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(label + " must be a date such as 2026-05-31, not '" + v + "'.");
                }
            }
            case FLAG -> {
                String f = v.toLowerCase(Locale.ROOT);
                if (f.equals("true") || f.equals("yes")) {
                    return "true";
                }
                if (f.equals("false") || f.equals("no")) {
                    return "false";
                }
                throw new IllegalArgumentException(label + " must be true or false, not '" + v + "'.");
            }
            case CHOICE -> {
                if (!choices.contains(v)) {
                    throw new IllegalArgumentException(label + " must be one of " + String.join(", ", choices)
                            + ", not '" + v + "'.");
                }
                return v;
            }
            default -> {
                if (v.chars().anyMatch(Character::isISOControl)) {
                    throw new IllegalArgumentException(label + " must be one line without control characters.");
                }
                return v;
            }
        }
    }
}
