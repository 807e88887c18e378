package org.certportal.ui.spi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;

/**
 * Puts a service's refusal beside the field it is about. Services refuse bad input with an
 * {@link IllegalArgumentException} whose sentence names the field by its label ("Email 'x' is not a
 * valid address.", "Another contact already has the external identifier 'A-1'."); a form registers
 * its fields under those labels, and {@link #show} marks the one the sentence names invalid with the
 * sentence as its message. A field's message goes as soon as the user changes it, and all go at the
 * next attempt ({@link #clear}), so no message outlives its fix.
 */
public final class FieldErrors {
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /**
     * Registers a field under the label the service's sentences use for it (any case). More specific
     * labels first: the first label found in a sentence wins.
     */
    public <F extends HasValidation & HasValue<?, ?>> FieldErrors field(String label, F field) {
        fields.put(label.toLowerCase(Locale.ROOT), field);
        field.addValueChangeListener(e -> unmark(field));
        return this;
    }

    /** Removes every message: call before each attempt. */
    public void clear() {
        fields.values().forEach(FieldErrors::unmark);
    }

    /**
     * Marks the field the sentence names; false when it names none (the caller then shows it as a
     * message of the whole form).
     */
    public boolean show(String sentence) {
        if (sentence == null) {
            return false;
        }
        String lower = sentence.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, HasValidation> e : fields.entrySet()) {
            if (lower.contains(e.getKey())) {
                e.getValue().setErrorMessage(sentence);
                e.getValue().setInvalid(true);
                return true;
            }
        }
        return false;
    }

    private static void unmark(HasValidation field) {
        field.setInvalid(false);
        field.setErrorMessage(null);
    }
}
