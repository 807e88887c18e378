package org.certportal.enrollments.internal.ui;

import java.util.Locale;
import java.util.function.Function;

import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.ui.spi.FieldErrors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * Asks before approving, rejecting or withdrawing an application: who, which program, what happens to
 * the enrollment; rejecting and withdrawing need the reason. Nothing changes until the decision's button
 * is pressed; a refusal stays in the dialog, beside the reason when it is about the reason.
 */
class DecideDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    final TextArea reason = new TextArea("Reason");
    final Paragraph refusal = new Paragraph();
    final Button confirm = new Button();
    final Button cancel = new Button("Cancel");
    private final FieldErrors errors = new FieldErrors();

    /**
     * @param decide makes the decision with the reason typed; answers null when done, or why it was refused
     */
    DecideDialog(Application application, ApplicationStatus to, Function<String, String> decide, Runnable done) {
        setId("decide-dialog");
        setHeaderTitle(verb(to) + " the application of " + application.contactName() + "?");
        Paragraph what = new Paragraph(consequence(application, to));
        what.setId("decide-what");
        boolean needsReason = to == ApplicationStatus.REJECTED || to == ApplicationStatus.WITHDRAWN;
        reason.setId("decide-reason");
        reason.setMaxLength(500);
        reason.setRequired(needsReason);
        reason.setWidthFull();
        reason.setHelperText(needsReason ? "Required: the applicant is told why." : "Optional");
        refusal.setId("decide-refusal");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        refusal.setVisible(false);
        errors.field("reason", reason);
        confirm.setText(verb(to));
        confirm.setId("decide-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (to != ApplicationStatus.APPROVED) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        confirm.addClickListener(e -> {
            errors.clear();
            refusal.setVisible(false);
            String refused = decide.apply(reason.getValue());
            if (refused != null) {
                if (!errors.show(refused)) {
                    refusal.setText(refused);
                    refusal.setVisible(true);
                }
                return;
            }
            close();
            done.run();
        });
        cancel.setId("decide-cancel");
        cancel.addClickListener(e -> close());
        add(what, reason, refusal);
        getFooter().add(cancel, confirm);
    }

    static String verb(ApplicationStatus to) {
        return switch (to) {
        case APPROVED -> "Approve";
        case REJECTED -> "Reject";
        case WITHDRAWN -> "Withdraw";
        case UNDER_REVIEW -> "Review";
        case SUBMITTED -> "Submit";
        };
    }

    /** What the decision does, in a sentence. */
    static String consequence(Application a, ApplicationStatus to) {
        String who = a.contactName() + "'s application to " + a.programCode() + " (applied on " + a.appliedOn() + ")";
        return switch (to) {
        case APPROVED -> who + " is approved and the enrollment goes in progress.";
        case REJECTED -> who + " is rejected and the enrollment declined. This cannot be undone.";
        case WITHDRAWN -> who + " is withdrawn and the enrollment cancelled. This cannot be undone.";
        default -> who + " becomes " + to.title().toLowerCase(Locale.ROOT) + ".";
        };
    }
}
