package org.certportal.programs.internal.ui;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.ui.spi.FieldErrors;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Every field of a program; the view saves the draft through the service and hands a refusal back
 * ({@link #refused}), shown beside the field it names.
 */
class ProgramForm extends FormLayout {
    private static final long serialVersionUID = 1L;
    final TextField code = new TextField("Code");
    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final Checkbox requiresApproval = new Checkbox("Require approval to participate");
    final Checkbox applicationRequired = new Checkbox("Has a related application (contacts apply, staff decide)");
    final Checkbox inOrder = new Checkbox("Requirements must be completed in order");
    final Checkbox enrolleesMayCancel = new Checkbox("Allow enrollees to cancel enrollment");
    final Checkbox maintenance = new Checkbox("Maintenance program (earners may enroll again)");
    final Checkbox adminReview = new Checkbox("Administrator reviews each certification");
    final IntegerField validityMonths = new IntegerField("Validity (months, 0 = does not expire)");
    final IntegerField deadlineMonths = new IntegerField("Completion deadline (months after enrollment)");
    final IntegerField gracePeriodDays = new IntegerField("Grace period (days)");
    final BigDecimalField fee = new BigDecimalField("Fee (0 = free)");
    final TextField currency = new TextField("Currency");
    final ComboBox<RecertificationBasis> recertificationBasis = new ComboBox<>("Next cycle starts from");
    final TextField recertificationDay = new TextField("Fixed recertification day (MM-DD)");
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save");
    private final FieldErrors errors = new FieldErrors();

    ProgramForm() {
        code.setId("program-code");
        code.setRequired(true);
        code.setMaxLength(32);
        name.setId("program-name");
        name.setRequired(true);
        name.setMaxLength(200);
        description.setId("program-description");
        description.setMaxLength(4000);
        requiresApproval.setId("program-requires-approval");
        applicationRequired.setId("program-application-required");
        inOrder.setId("program-in-order");
        enrolleesMayCancel.setId("program-may-cancel");
        maintenance.setId("program-maintenance");
        adminReview.setId("program-admin-review");
        validityMonths.setId("program-validity");
        deadlineMonths.setId("program-deadline");
        gracePeriodDays.setId("program-grace");
        fee.setId("program-fee");
        currency.setId("program-currency");
        currency.setMaxLength(3);
        currency.setPlaceholder("USD");
        currency.setHelperText("ISO 4217 code of the fee, e.g. USD, EUR, CAD");
        recertificationBasis.setId("program-recert-basis");
        recertificationBasis.setItems(RecertificationBasis.values());
        recertificationBasis.setItemLabelGenerator(b -> switch (b) {
        case COMPLETION_DATE -> "The completion date";
        case PREVIOUS_EXPIRATION -> "The previous expiration date";
        case FIXED_DATE -> "A fixed day of the year";
        });
        recertificationDay.setId("program-recert-day");
        recertificationDay.setPlaceholder("12-31");
        recertificationBasis.addValueChangeListener(
                e -> recertificationDay.setEnabled(e.getValue() == RecertificationBasis.FIXED_DATE));
        save.setId("program-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        formError.setId("program-form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        // the labels the service's and this form's sentences use, the more specific first
        errors.field("recertification day", recertificationDay).field("day of the year", recertificationDay)
                .field("validity", validityMonths).field("deadline", deadlineMonths)
                .field("grace period", gracePeriodDays).field("currency", currency).field("fee", fee).field("description", description)
                .field("code", code).field("name", name);
        add(code, name, description, requiresApproval, applicationRequired, inOrder, enrolleesMayCancel, maintenance, adminReview,
                validityMonths, deadlineMonths, gracePeriodDays, fee, currency, recertificationBasis, recertificationDay,
                formError, save);
        setColspan(description, 2);
        setColspan(formError, 2);
        // one column below 40em (phones, a narrow window), two above
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
    }

    /** Removes every message of an earlier attempt. */
    void clearErrors() {
        errors.clear();
        formError.setText("");
        formError.setVisible(false);
    }

    /** A refusal: beside the field it names, else above the Save button. */
    void refused(String sentence) {
        if (!errors.show(sentence)) {
            formError.setText(sentence);
            formError.setVisible(true);
        }
    }

    void show(Program p) {
        code.setValue(p == null ? "" : p.code());
        name.setValue(p == null ? "" : p.name());
        description.setValue(p == null || p.description() == null ? "" : p.description());
        ProgramOptions o = p == null ? ProgramOptions.defaults() : p.options();
        requiresApproval.setValue(o.requiresApproval());
        applicationRequired.setValue(o.applicationRequired());
        inOrder.setValue(o.inOrder());
        enrolleesMayCancel.setValue(o.enrolleesMayCancel());
        maintenance.setValue(o.maintenance());
        adminReview.setValue(o.adminReviewOfCertification());
        validityMonths.setValue(o.validityMonths());
        deadlineMonths.setValue(o.deadlineMonths());
        gracePeriodDays.setValue(o.gracePeriodDays());
        fee.setValue(o.fee());
        currency.setValue(o.currency() == null ? ProgramOptions.DEFAULT_CURRENCY : o.currency());
        recertificationBasis.setValue(o.recertificationBasis());
        MonthDay day = o.fixedRecertificationDay();
        recertificationDay.setValue(day == null ? "" : String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth()));
        recertificationDay.setEnabled(o.recertificationBasis() == RecertificationBasis.FIXED_DATE);
        clearErrors();
    }

    /** @throws IllegalArgumentException for a missing number or an unreadable day, as the service would */
    ProgramDraft draft() {
        return new ProgramDraft(code.getValue(), name.getValue(), description.getValue(),
                new ProgramOptions(requiresApproval.getValue(), inOrder.getValue(), enrolleesMayCancel.getValue(),
                        maintenance.getValue(), adminReview.getValue(), number(validityMonths), number(deadlineMonths),
                        number(gracePeriodDays), fee.getValue() == null ? BigDecimal.ZERO : fee.getValue(),
                        recertificationBasis.getValue(), day(), applicationRequired.getValue(), currency.getValue()));
    }

    void setEditable(boolean editable) {
        for (var field : new HasValue<?, ?>[] { code, name, description, requiresApproval, applicationRequired,
            inOrder, enrolleesMayCancel, maintenance, adminReview, validityMonths, deadlineMonths, gracePeriodDays, fee,
            currency, recertificationBasis, recertificationDay }) {
            field.setReadOnly(!editable);
        }
        save.setVisible(editable);
    }

    private static int number(IntegerField field) {
        if (field.getValue() == null) {
            throw new IllegalArgumentException(field.getLabel() + " is required.");
        }
        return field.getValue();
    }

    private MonthDay day() {
        String text = recertificationDay.getValue() == null ? "" : recertificationDay.getValue().strip();
        if (text.isEmpty() || recertificationBasis.getValue() != RecertificationBasis.FIXED_DATE) {
            return null;
        }
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Write the fixed recertification day as MM-DD, e.g. 12-31.", e);
        }
    }
}
