package org.certportal.enrollments.internal.ui;

import java.time.LocalDate;
import java.util.function.Function;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Asks before enrolling one person from the Enrollee page: who, in which program (with its code, so
 * two programs of one name are told apart), from which date; nothing changes until Enroll is
 * pressed. A refusal stays in the dialog beside the date.
 */
class EnrollConfirmDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    final DatePicker enrolledOn = new DatePicker("Enrolled on");
    final Button confirm = new Button("Enroll");
    final Button cancel = new Button("Cancel");

    /** What the dialog asks for: an enrollment, or recording an application (which makes one Applied). */
    enum Wording {
        ENROLLMENT("Enroll", "Enrolled on", " will be enrolled in ", ".", "Choose the date the enrollment starts."),
        APPLICATION("Record application", "Applied on", " applies to ", "; the enrollment is Applied until the"
                + " application is decided.", "Choose the date of the application.");

        final String action;
        final String dateLabel;
        final String middle;
        final String end;
        final String missingDate;

        Wording(String action, String dateLabel, String middle, String end, String missingDate) {
            this.action = action;
            this.dateLabel = dateLabel;
            this.middle = middle;
            this.end = end;
            this.missingDate = missingDate;
        }
    }

    /**
     * @param enroll enrolls on the date; answers null when done, or the reason it was refused
     */
    EnrollConfirmDialog(String person, String program, LocalDate today, Function<LocalDate, String> enroll,
            Runnable done) {
        this(Wording.ENROLLMENT, person, program, today, enroll, done);
    }

    /**
     * @param act enrolls, or records the application, on the date; answers null when done, or the reason it was
     *            refused
     */
    EnrollConfirmDialog(Wording wording, String person, String program, LocalDate today, Function<LocalDate, String> act,
            Runnable done) {
        setId(wording == Wording.ENROLLMENT ? "enroll-confirm-dialog" : "apply-confirm-dialog");
        setHeaderTitle(wording.action + (wording == Wording.ENROLLMENT ? " " : " of ") + person + "?");
        Paragraph what = new Paragraph(person + wording.middle + program + wording.end);
        enrolledOn.setLabel(wording.dateLabel);
        confirm.setText(wording.action);
        Function<LocalDate, String> enroll = act;
        enrolledOn.setId("enroll-confirm-date");
        enrolledOn.setValue(today);
        enrolledOn.setRequired(true);
        enrolledOn.addValueChangeListener(e -> enrolledOn.setInvalid(false));
        confirm.setId("enroll-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            if (enrolledOn.getValue() == null) {
                enrolledOn.setErrorMessage(wording.missingDate);
                enrolledOn.setInvalid(true);
                return;
            }
            String refused = enroll.apply(enrolledOn.getValue());
            if (refused != null) {
                enrolledOn.setErrorMessage(refused);
                enrolledOn.setInvalid(true);
                return;
            }
            close();
            done.run();
        });
        cancel.setId("enroll-cancel");
        cancel.addClickListener(e -> close());
        add(what, enrolledOn);
        getFooter().add(cancel, confirm);
    }
}
