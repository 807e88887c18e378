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

    /**
     * @param enroll enrolls on the date; answers null when done, or the reason it was refused
     */
    EnrollConfirmDialog(String person, String program, LocalDate today, Function<LocalDate, String> enroll,
            Runnable done) {
        setId("enroll-confirm-dialog");
        setHeaderTitle("Enroll " + person + "?");
        Paragraph what = new Paragraph(person + " will be enrolled in " + program + ".");
        enrolledOn.setId("enroll-confirm-date");
        enrolledOn.setValue(today);
        enrolledOn.setRequired(true);
        enrolledOn.addValueChangeListener(e -> enrolledOn.setInvalid(false));
        confirm.setId("enroll-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            if (enrolledOn.getValue() == null) {
                enrolledOn.setErrorMessage("Choose the date the enrollment starts.");
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
