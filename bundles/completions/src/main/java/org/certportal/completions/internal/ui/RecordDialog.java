package org.certportal.completions.internal.ui;


import org.certportal.completions.api.Attachment;
import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionDraft;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.CompletionStep;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Offering;
import org.certportal.programs.api.Requirement;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.ui.spi.BoundedUploadBuffer;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

/** The form recording (or recording again) one requirement's completion, with an optional file. */
class RecordDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private final DatePicker date = new DatePicker("Completion date");
    private final TextArea notes = new TextArea("Notes");
    private final TextField grade = new TextField("Grade");
    private final ComboBox<Offering> offering = new ComboBox<>("Offering");
    private final BoundedUploadBuffer buffer;
    private final Upload upload;
    private final Span file = new Span("No file attached");
    private transient Attachment attachment;

    RecordDialog(CompletionService completions, OrganisationSettings settings, CompletionStep step, long enrollmentId,
            Runnable onSaved, DateFormats dates) {
        Requirement r = step.requirement();
        Completion current = step.completion();
        buffer = new BoundedUploadBuffer(settings.maxUploadBytes());
        upload = buffer.newUpload();
        setHeaderTitle(r.position() + ". " + r.title());
        setWidth("36rem");
        dates.localize(date);
        date.setId("completion-date");
        date.setRequired(true);
        date.setMax(completions.today());
        notes.setId("completion-notes");
        notes.setMaxLength(2000);
        grade.setId("completion-grade");
        grade.setVisible(r.gradeType() != GradeType.NONE);
        grade.setHelperText(r.gradeType() == GradeType.PASS_FAIL ? "pass or fail; empty while not known"
                : r.gradeType() == GradeType.NUMERIC ? "a number, at least "
                        + r.minimumGrade().stripTrailingZeros().toPlainString() + " to pass; empty"
                        + " while not known" : "");
        offering.setId("completion-offering");
        offering.setItems(r.offerings());
        offering.setItemLabelGenerator(o -> o.title() + (o.date() == null ? "" : " on " + dates.date(o.date())));
        offering.setVisible(!r.offerings().isEmpty());
        offering.setRequired(!r.offerings().isEmpty());

        upload.setId("completion-upload");
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(settings.uploadTypes().toArray(String[]::new));
        upload.addSucceededListener(e -> {
            attachment = new Attachment(buffer.fileName(), buffer.mimeType(), buffer.content());
            file.setText(e.getFileName() + " will be attached");
        });
        upload.addFailedListener(e -> {
            attachment = null;
            file.setText(BoundedUploadBuffer.failureMessage(e));
        });
        upload.addFileRejectedListener(e -> Notification.show(e.getErrorMessage(), 5000,
                Notification.Position.MIDDLE));
        file.setId("completion-file");

        if (current != null) {
            date.setValue(current.completedOn());
            notes.setValue(current.notes() == null ? "" : current.notes());
            grade.setValue(current.grade() == null ? "" : current.grade());
            r.offerings().stream().filter(o -> o.id() == (current.offeringId() == null ? -1 : current.offeringId()))
                    .findFirst().ifPresent(offering::setValue);
        } else {
            date.setValue(completions.today());
        }

        Button save = new Button("Save", e -> {
            Completion saved = completions.record(enrollmentId, current == null ? null : current.version(),
                    new CompletionDraft(r.id(), offering.getValue() == null ? null : offering.getValue().id(),
                            date.getValue(), notes.getValue(), grade.getValue(), attachment));
            Notification.show(r.title() + ": " + saved.status().title() + ".", 3000,
                    Notification.Position.BOTTOM_START);
            close();
            onSaved.run();
        });
        save.setId("completion-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("completion-cancel");
        add(new FormLayout(date, offering, grade, notes), upload, file);
        getFooter().add(cancel, save);
    }
}
