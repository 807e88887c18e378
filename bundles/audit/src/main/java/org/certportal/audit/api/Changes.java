package org.certportal.audit.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The fields a change touched, old → new; fields whose value stayed the same are left out. */
public final class Changes {
    /** One changed field. */
    public record Change(String field, String oldValue, String newValue) {
    }

    private final List<Change> changes = new ArrayList<>();

    public static Changes of() {
        return new Changes();
    }

    /** Adds the field when its value differs (null counts as a value). */
    public Changes field(String field, Object oldValue, Object newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            changes.add(new Change(field, text(oldValue), text(newValue)));
        }
        return this;
    }

    public List<Change> list() {
        return List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** One line per field: {@code field: old → new}, with ∅ for no value. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Change c : changes) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(c.field()).append(": ").append(c.oldValue()).append(" → ").append(c.newValue());
        }
        return sb.toString();
    }

    private static String text(Object value) {
        return value == null ? "∅" : value.toString();
    }
}
