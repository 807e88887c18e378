package org.certportal.enrollments.internal.ui;

import java.util.Set;

import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.ui.spi.FieldErrors;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The filters of the Applications list: program, statuses, applied from / through and the start of
 * the contact's family name or their identifier, handed to the service as one {@link ApplicationFilter}
 * (the database filters). A refusal about the dates shows beside them.
 */
class ApplicationFilterForm extends FormLayout {
    private static final long serialVersionUID = 1L;
    final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    final MultiSelectComboBox<ApplicationStatus> statuses = new MultiSelectComboBox<>("Status");
    final DatePicker appliedFrom = new DatePicker("Applied from");
    final DatePicker appliedThrough = new DatePicker("Applied through");
    final TextField contact = new TextField("Contact");
    private final FieldErrors errors = new FieldErrors();

    ApplicationFilterForm() {
        program.setId("applications-program");
        program.setClearButtonVisible(true);
        program.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        statuses.setId("applications-status");
        statuses.setItems(ApplicationStatus.values());
        statuses.setItemLabelGenerator(ApplicationStatus::title);
        appliedFrom.setId("applications-from");
        appliedFrom.setClearButtonVisible(true);
        appliedThrough.setId("applications-through");
        appliedThrough.setClearButtonVisible(true);
        contact.setId("applications-contact");
        contact.setPlaceholder("Family name or identifier");
        contact.setClearButtonVisible(true);
        contact.setValueChangeMode(ValueChangeMode.LAZY);
        // the service names the dates "'from'" and "'through'"
        errors.field("'through'", appliedThrough).field("'from'", appliedFrom);
        add(program, statuses, appliedFrom, appliedThrough, contact);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2), new ResponsiveStep("60em", 5));
    }

    /** The filter the fields say; empty fields are no condition. */
    ApplicationFilter filter() {
        Set<ApplicationStatus> chosen = statuses.getValue();
        String text = contact.getValue() == null || contact.getValue().isBlank() ? null : contact.getValue().strip();
        return new ApplicationFilter(program.getValue() == null ? null : program.getValue().id(),
                chosen == null ? Set.of() : chosen, appliedFrom.getValue(), appliedThrough.getValue(), text);
    }

    /** Shows a refusal beside the date it is about; false when it names no field. */
    boolean refused(String sentence) {
        return errors.show(sentence);
    }

    void clearErrors() {
        errors.clear();
    }

    /** Any change of a filter, for the list to reload. */
    void onChange(Runnable changed) {
        program.addValueChangeListener(e -> changed.run());
        statuses.addValueChangeListener(e -> changed.run());
        appliedFrom.addValueChangeListener(e -> changed.run());
        appliedThrough.addValueChangeListener(e -> changed.run());
        contact.addValueChangeListener(e -> changed.run());
    }
}
