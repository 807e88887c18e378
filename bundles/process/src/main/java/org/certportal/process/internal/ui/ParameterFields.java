package org.certportal.process.internal.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.certportal.process.api.ParameterDefinition;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;

/** A process type's parameters as form fields (ids {@code schedule-param-<name>}), read back as raw text. */
final class ParameterFields {
    private final Map<String, Supplier<String>> readers = new LinkedHashMap<>();
    private final List<Component> fields;

    private final DateFormats dates;

    /** @param dates how the organisation writes dates: date parameters are picked in it */
    ParameterFields(List<ParameterDefinition> definitions, Map<String, String> values, DateFormats dates) {
        this.dates = dates;
        fields = definitions.stream().map(d -> field(d, values.get(d.name()))).toList();
    }

    List<Component> fields() {
        return fields;
    }

    /** name → text as typed; blank ones left out (the type's defaults apply). */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        readers.forEach((name, reader) -> {
            String v = reader.get();
            if (v != null && !v.isBlank()) {
                values.put(name, v);
            }
        });
        return values;
    }

    private Component field(ParameterDefinition d, String value) {
        String initial = value != null ? value : d.defaultValue();
        Component field;
        switch (d.kind()) {
            case FLAG -> {
                Checkbox box = new Checkbox(d.label(), Boolean.parseBoolean(initial));
                readers.put(d.name(), () -> String.valueOf(box.getValue()));
                field = box;
            }
            case DATE -> {
                DatePicker picker = dates.localize(new DatePicker(d.label()));
                if (initial != null) {
                    picker.setValue(LocalDate.parse(initial));
                }
                picker.setRequiredIndicatorVisible(d.required());
                readers.put(d.name(), () -> picker.getValue() == null ? null : picker.getValue().toString());
                field = picker;
            }
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>(d.label(), d.choices());
                box.setValue(initial);
                box.setRequiredIndicatorVisible(d.required());
                readers.put(d.name(), box::getValue);
                field = box;
            }
            default -> {
                TextField text = new TextField(d.label());
                text.setValue(initial == null ? "" : initial);
                text.setRequiredIndicatorVisible(d.required());
                text.setHelperText(d.description());
                readers.put(d.name(), text::getValue);
                field = text;
            }
        }
        field.setId("schedule-param-" + d.name());
        return field;
    }
}
