package org.certportal.process.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checked parameter values of a run, in their normal form (see {@link ParameterDefinition#normalise}).
 * They are stored with the run and handed back unchanged when it resumes.
 */
public final class ProcessParameters {
    private final Map<String, String> values;

    private ProcessParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Values already in normal form, e.g. read back from a stored run. */
    public static ProcessParameters of(Map<String, String> values) {
        return new ProcessParameters(values == null ? Map.of() : values);
    }

    /**
     * Checks raw values against the definitions: unknown names, missing required values and bad
     * values are each named, all in one message.
     *
     * @throws IllegalArgumentException with one sentence per problem
     */
    public static ProcessParameters validate(List<ParameterDefinition> definitions, Map<String, String> raw) {
        Map<String, String> given = raw == null ? Map.of() : raw;
        Map<String, ParameterDefinition> byName = new LinkedHashMap<>();
        definitions.forEach(d -> byName.put(d.name(), d));
        List<String> problems = new ArrayList<>();
        for (String name : new TreeMap<>(given).keySet()) {
            if (!byName.containsKey(name)) {
                problems.add("There is no parameter '" + name + "'" + (byName.isEmpty() ? "; this process takes none."
                        : "; use " + String.join(", ", byName.keySet()) + "."));
            }
        }
        Map<String, String> values = new TreeMap<>();
        for (ParameterDefinition d : byName.values()) {
            try {
                String v = d.normalise(given.get(d.name()));
                if (v == null) {
                    v = d.defaultValue();
                }
                if (v == null && d.required()) {
                    problems.add(d.label() + " is required.");
                } else if (v != null) {
                    values.put(d.name(), v);
                }
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        return new ProcessParameters(values);
    }

    public Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<Long> integer(String name) {
        return text(name).map(Long::valueOf);
    }

    public Optional<LocalDate> date(String name) {
        return text(name).map(LocalDate::parse);
    }

    public boolean flag(String name) {
        return text(name).map(Boolean::parseBoolean).orElse(false);
    }

    /** Every value, sorted by name. */
    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessParameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** name=value pairs separated by spaces, e.g. for lists and mails. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }
}
