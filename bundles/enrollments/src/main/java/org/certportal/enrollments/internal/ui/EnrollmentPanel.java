package org.certportal.enrollments.internal.ui;

import java.util.Optional;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.ViewRegistry;

import java.util.stream.Collectors;

import org.certportal.enrollments.api.CompletionDeadline;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentDetails;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.programs.api.Requirement;
import org.certportal.security.api.SecurityService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * One enrollment: its requirements with their states, its dates with the derived completion
 * deadline, and the status actions the caller may take. Tells its owner after every change.
 */
class EnrollmentPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient EnrollmentService service;
    private final Runnable onChange;
    private final transient DateFormats dates;
    private final Span status = new Span();
    private final Grid<ProgressStep> steps = new Grid<>();
    private final Paragraph details = new Paragraph();
    private final DatePicker enrolledOn = new DatePicker("Enrollment date");
    private final DatePicker graceBegins = new DatePicker("Grace period begins");
    private final DatePicker expiresOn = new DatePicker("Expiration date");
    private final Span deadline = new Span();
    private final Button save = new Button("Save dates");
    private final Button approve = new Button("Approve application");
    private final Button decline = new Button("Decline");
    private final Button cancel = new Button("Cancel enrollment");
    private transient Enrollment enrollment;

    /** The route the completions feature serves an enrollee's progress at. */
    static final String COMPLETION_ROUTE = "completion/:enrollment";

    EnrollmentPanel(EnrollmentService service, SecurityService security, Supplier<Optional<ViewRegistry>> views,
            DateFormats dates, String title, long enrollmentId, Runnable onChange) {
        this.service = service;
        this.onChange = onChange;
        this.dates = dates;
        setPadding(false);
        boolean mayEdit = security.isPermitted(EnrollmentPermissions.EDIT);
        status.setId("enrollment-status");
        steps.setId("enrollment-progress");
        steps.addColumn(s -> s.requirement().position()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        steps.addColumn(s -> s.requirement().title()).setHeader("Requirement");
        steps.addColumn(s -> s.state().status()).setHeader("Status");
        steps.addColumn(s -> dates.date(s.state().completedOn())).setHeader("Completed");
        steps.addColumn(s -> s.state().grade()).setHeader("Grade");
        steps.setAllRowsVisible(true);
        steps.addItemClickListener(e -> details.setText(describe(e.getItem())));
        details.setId("enrollment-requirement-details");

        enrolledOn.setId("enrollment-enrolled-on");
        graceBegins.setId("enrollment-grace-begins");
        expiresOn.setId("enrollment-expires-on");
        deadline.setId("enrollment-deadline");
        for (DatePicker d : new DatePicker[] { enrolledOn, graceBegins, expiresOn }) {
            dates.localize(d);
            d.setReadOnly(!mayEdit);
            // the user's edits only: show() sets the deadline read with the enrollment
            d.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    showDeadline();
                }
            });
        }
        save.setId("enrollment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayEdit);
        save.addClickListener(e -> changed(service.editDates(enrollment.id(), enrollment.version(),
                enrolledOn.getValue(), graceBegins.getValue(), expiresOn.getValue()), "Dates saved."));
        approve.setId("enrollment-approve");
        approve.addClickListener(e -> changed(service.approve(enrollment.id(), enrollment.version()),
                "Application approved."));
        decline.setId("enrollment-decline");
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR);
        decline.addClickListener(e -> confirm("Decline this application?", "Decline", () -> changed(
                service.decline(enrollment.id(), enrollment.version(), null), "Application declined.")));
        cancel.setId("enrollment-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> confirm("Cancel this enrollment? The contact can be enrolled again later.",
                "Cancel enrollment", () -> changed(service.cancel(enrollment.id(), enrollment.version(), null),
                        "Enrollment cancelled.")));

        FormLayout dateFields = new FormLayout(enrolledOn, graceBegins, expiresOn);
        add(new H3(title), status, steps, details, dateFields, deadline,
                new HorizontalLayout(save, approve, decline, cancel));
        recordCompletionsLink(views, enrollmentId);
        show(service.details(enrollmentId));
    }

    /** Everything from one read: the enrollment, its steps, its deadline and what the caller may do. */
    private void show(EnrollmentDetails d) {
        Enrollment e = d.enrollment();
        enrollment = e;
        status.setText("Status: " + e.status().title() + " · cycle " + e.cycle() + " · rule version " + e.ruleVersion()
                + (e.earnedOn() == null ? "" : " · earned " + dates.date(e.earnedOn())));
        steps.setItems(d.steps());
        enrolledOn.setValue(e.enrolledOn());
        graceBegins.setValue(e.gracePeriodBegins());
        expiresOn.setValue(e.expiresOn());
        enrolledOn.setMax(d.today());
        approve.setVisible(d.mayDecide());
        decline.setVisible(d.mayDecide());
        cancel.setVisible(d.mayCancel());
        deadline.setText(e.gracePeriodBegins() == null ? "" : deadlineText(d.deadline()));
    }

    /** The deadline as the dates in the form would make it, before saving. */
    private void showDeadline() {
        if (enrollment == null || graceBegins.getValue() == null) {
            deadline.setText("");
            return;
        }
        deadline.setText(deadlineText(service.deadline(new Enrollment(enrollment.id(), enrollment.contactId(),
                enrollment.programId(), enrollment.ruleVersion(), enrollment.cycle(), enrolledOn.getValue(),
                graceBegins.getValue(), expiresOn.getValue(), enrollment.earnedOn(), enrollment.status(),
                enrollment.statusChangedAt(), enrollment.version()))));
    }

    private static String deadlineText(CompletionDeadline d) {
        return d.explanation()
                + " The completion deadline follows from the day the grace period begins and the expiration date.";
    }

    private void changed(Enrollment e, String message) {
        show(service.details(e.id()));
        Notification.show(message, 3000, Notification.Position.BOTTOM_START);
        onChange.run();
    }

    private static void confirm(String text, String action, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(action);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setConfirmText(action);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> onConfirm.run());
        dialog.open();
    }

    private String describe(ProgressStep step) {
        Requirement r = step.requirement();
        String offerings = r.offerings().isEmpty() ? "no offerings"
                : r.offerings().stream().map(o -> o.title() + (o.date() == null ? "" : " on " + dates.date(o.date())))
                        .collect(Collectors.joining(", "));
        return r.title() + ": " + r.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", grade "
                + r.gradeType().name().toLowerCase(java.util.Locale.ROOT).replace('_', '/')
                + (r.minimumGrade() == null ? "" : " (at least " + r.minimumGrade().stripTrailingZeros().toPlainString() + ")")
                + (r.needsApproval() ? ", needs staff approval" : "") + "; " + offerings + ". State: "
                + step.state().status()
                + (step.state().completedOn() == null ? "" : " on " + dates.date(step.state().completedOn()))
                + (step.state().grade() == null ? "" : ", grade " + step.state().grade()) + ".";
    }

    /**
     * A link to record completions when a feature serves the completion route (the completions
     * bundle); enrollments do not depend on it, so the link is there only while it is.
     */
    private void recordCompletionsLink(Supplier<Optional<ViewRegistry>> views, long enrollmentId) {
        boolean served = views.get().map(registry -> registry.views().stream()
                .anyMatch(v -> v.active() && v.route().equals(COMPLETION_ROUTE))).orElse(false);
        if (served) {
            // a button, not a link: the panel's modal dialog must close, or it would keep the next page inert
            Button record = new Button("Record completions", e -> {
                UI ui = UI.getCurrent(); // taken first: closing the dialog detaches this panel
                for (Optional<Component> c = getParent(); c.isPresent(); c = c.get().getParent()) {
                    if (c.get() instanceof Dialog dialog) {
                        dialog.close();
                    }
                }
                ui.navigate("completion/" + enrollmentId);
            });
            record.setId("enrollment-record-completions");
            add(record);
        }
    }
}
