package org.certportal.masscert.internal.ui;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.certportal.accounting.api.Batch;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.certportal.masscert.api.MassCertification;
import org.certportal.masscert.internal.MassCertProcess;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.FieldErrors;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The Add Schedule form's fields and what they mean: the certification (only those with exam or
 * education-credit requirements are offered), the selection criteria when it has a related application,
 * the confirmation email, the accounting batch when it has a fee, and when to run. The view calls the
 * services; this class turns the fields into the process's parameters and shows refusals beside the
 * field they name, so it is tested without a browser.
 */
class MassCertForm extends FormLayout {
    private static final long serialVersionUID = 1L;
    final ComboBox<ProgramSummary> certification = new ComboBox<>("Certification");
    final Paragraph facts = new Paragraph();
    final CheckboxGroup<ApplicationStatus> statuses = new CheckboxGroup<>("Application status");
    final DatePicker appliedFrom = new DatePicker("Applied from");
    final DatePicker appliedThrough = new DatePicker("Applied through");
    final Checkbox sendEmail = new Checkbox("Send a confirmation email", true);
    final ComboBox<Batch> batch = new ComboBox<>("Accounting batch");
    final DateTimePicker runAt = new DateTimePicker("Run at");
    final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors();
    private transient Program program;

    MassCertForm() {
        certification.setId("masscert-program");
        certification.setRequired(true);
        certification.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        certification.setHelperText("Only certifications with exam or education-credit requirements are offered.");
        facts.setId("masscert-facts");
        statuses.setId("masscert-statuses");
        statuses.setItems(ApplicationStatus.values());
        statuses.setItemLabelGenerator(ApplicationStatus::title);
        statuses.setHelperText("None ticked: every application.");
        appliedFrom.setId("masscert-applied-from");
        appliedThrough.setId("masscert-applied-through");
        sendEmail.setId("masscert-send-email");
        batch.setId("masscert-batch");
        batch.setItemLabelGenerator(Batch::name);
        batch.setHelperText("The orders of this run go to this open batch.");
        runAt.setId("masscert-run-at");
        runAt.setHelperText("For a scheduled run; any time ahead, also months.");
        formError.setId("masscert-form-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        // the labels the service's sentences use, the more specific first
        errors.field("accounting batch", batch).field("applied from", appliedFrom)
                .field("applied through", appliedThrough).field("application status", statuses)
                .field("first run", runAt).field("certification", certification);
        add(certification, facts, statuses, appliedFrom, appliedThrough, sendEmail, batch, runAt, formError);
        setColspan(facts, 2);
        setColspan(statuses, 2);
        setColspan(formError, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        show(null);
    }

    /** The certifications to offer; the one shown stays chosen when it is among them. */
    void offer(List<ProgramSummary> eligible) {
        certification.setItems(eligible);
    }

    /** Shows what the chosen certification asks for: criteria with an application, a batch with a fee. */
    void show(Program p) {
        program = p;
        boolean application = p != null && p.options().applicationRequired();
        statuses.setVisible(application);
        appliedFrom.setVisible(application);
        appliedThrough.setVisible(application);
        if (!application) {
            statuses.clear();
            appliedFrom.clear();
            appliedThrough.clear();
        }
        batch.setVisible(hasFee());
        if (!hasFee()) {
            batch.clear();
        }
        facts.setText(p == null ? "Choose a certification." : (hasFee()
                ? "Fee " + p.options().fee().toPlainString() + " " + MassCertProcess.currency(p) + ": each applicant who"
                        + " meets every requirement gets an order to pay, and is certified when it is paid."
                : "Free: each applicant who meets every requirement is certified.")
                + (application ? " Applicants are chosen by their application." : ""));
    }

    Program program() {
        return program;
    }

    boolean hasFee() {
        BigDecimal fee = program == null ? null : program.options().fee();
        return fee != null && fee.signum() > 0;
    }

    /** The wording the applicants of the chosen certification get first. */
    Wording wording() {
        return hasFee() ? Wording.ORDERED : Wording.CERTIFIED;
    }

    /**
     * The process's parameters as a form gives them (raw): the process checks them again.
     *
     * @throws IllegalArgumentException when no certification is chosen
     */
    Map<String, String> parameters() {
        if (program == null) {
            throw new IllegalArgumentException("Certification is required: choose one.");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put(MassCertification.PROGRAM, program.code());
        if (program.options().applicationRequired()) {
            if (!statuses.getValue().isEmpty()) {
                raw.put(MassCertification.STATUSES, EnumSet.copyOf(statuses.getValue()).stream().map(Enum::name)
                        .collect(Collectors.joining(",")));
            }
            if (appliedFrom.getValue() != null) {
                raw.put(MassCertification.APPLIED_FROM, appliedFrom.getValue().toString());
            }
            if (appliedThrough.getValue() != null) {
                raw.put(MassCertification.APPLIED_THROUGH, appliedThrough.getValue().toString());
            }
        }
        raw.put(MassCertification.SEND_EMAIL, String.valueOf(sendEmail.getValue()));
        if (hasFee() && batch.getValue() != null) {
            raw.put(MassCertification.BATCH, String.valueOf(batch.getValue().id()));
        }
        return raw;
    }

    /** Makes the pickers show and read dates as the organisation writes them, the run's date included. */
    void localize(DateFormats dates) {
        dates.localize(appliedFrom);
        dates.localize(appliedThrough);
        runAt.setDatePickerI18n(dates.localize(new DatePicker()).getI18n());
    }

    /** @throws IllegalArgumentException when no time is given */
    LocalDateTime scheduledAt() {
        if (runAt.getValue() == null) {
            throw new IllegalArgumentException("Give the date and time of the first run.");
        }
        return runAt.getValue();
    }

    /** Offers the open batches and chooses one (e.g. just created). */
    void batches(List<Batch> open, Batch chosen) {
        batch.setItems(open);
        if (chosen != null) {
            batch.setValue(open.stream().filter(b -> b.id() == chosen.id()).findFirst().orElse(null));
        }
    }

    void clearErrors() {
        errors.clear();
        formError.setText("");
        formError.setVisible(false);
    }

    /** A refusal: beside the field it names, else at the end of the form. */
    void refused(String sentence) {
        if (!errors.show(sentence)) {
            formError.setText(sentence);
            formError.setVisible(true);
        }
    }
}
