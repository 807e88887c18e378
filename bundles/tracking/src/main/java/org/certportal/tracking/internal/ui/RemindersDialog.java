package org.certportal.tracking.internal.ui;

import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Set;

import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.SecurityService;
import org.certportal.tracking.api.ReminderMessage;
import org.certportal.tracking.api.ReminderPlan;
import org.certportal.tracking.api.ReminderService;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingPermissions;
import org.certportal.tracking.api.TrackingRow;
import org.certportal.tracking.api.TrackingService;
import org.certportal.tracking.internal.ReminderPlans;
import org.certportal.tracking.internal.ReminderTemplate;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The expiry reminders of one program, or the organisation's default (no program chosen): the days of the
 * ladder, the message templates with their placeholders, a preview with a real enrollee of the program and a
 * test sent to the staff member's own address. Only those who may manage reminders can change or test them.
 */
class RemindersDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private final transient ReminderService reminders;
    private final transient TrackingService tracking;
    private final Runnable changed;
    private final boolean mayManage;
    // package-private: the dialog's test works them as a user would
    final ComboBox<ProgramSummary> program = new ComboBox<>("Program");
    final Span applies = new Span();
    final TextField daysBefore = new TextField("Days before expiry");
    final TextField graceDays = new TextField("Days into the grace period");
    final TextField subject = new TextField("Subject");
    final TextArea body = new TextArea("Message");
    final ComboBox<TrackingRow> enrollee = new ComboBox<>("Preview with");
    final Pre preview = new Pre();
    final Span error = new Span();
    final Button useDefault = new Button("Use the organisation's default");
    final Button save = new Button("Save");
    final Button showPreview = new Button("Preview");
    final Button test = new Button("Send me a test");

    RemindersDialog(ReminderService reminders, TrackingService tracking, ProgramService programs,
            SecurityService security, Runnable changed) {
        this.reminders = reminders;
        this.tracking = tracking;
        this.changed = changed;
        this.mayManage = security.isPermitted(TrackingPermissions.MANAGE_REMINDERS);
        setHeaderTitle("Expiry reminders");
        setWidth("52rem");

        program.setId("reminders-program");
        program.setWidth("24rem");
        program.setPlaceholder("Organisation default");
        program.setClearButtonVisible(true);
        program.setHelperText("Empty: the organisation's default, for every program without reminders of its own.");
        program.setItems(q -> programs.search(q.getFilter().orElse(""), null,
                Pages.of(q).sortedBy(ProgramService.SORT_NAME, true)).items().stream(),
                q -> Pages.total(programs.search(q.getFilter().orElse(""), null, Pages.count()).total()));
        program.setItemLabelGenerator(p -> p.name() + " (" + p.code() + ")");
        program.addValueChangeListener(e -> load());
        applies.setId("reminders-applies");

        daysBefore.setId("reminders-days-before");
        daysBefore.setPlaceholder("e.g. 90, 60, 30, 7");
        graceDays.setId("reminders-grace-days");
        graceDays.setPlaceholder("e.g. 7");
        subject.setId("reminders-subject");
        subject.setWidthFull();
        subject.setMaxLength(300);
        body.setId("reminders-body");
        body.setWidthFull();
        body.setMaxLength(ReminderTemplate.MAX_BODY);
        body.setMinHeight("8rem");
        Span help = new Span("Placeholders: {name} the contact's name, {program} the program's name, {expires} the"
                + " expiration date, {daysLeft} days left (before expiry: to the expiration date; in the grace"
                + " period: to its end). Each reminder goes once per certification; after days without a run only"
                + " the latest one due is sent.");
        help.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");

        enrollee.setId("reminders-enrollee");
        enrollee.setWidth("24rem");
        enrollee.setPlaceholder("Name or identifier…");
        enrollee.setItemLabelGenerator(r -> r.contactName() + (r.identifier() == null ? "" : " (" + r.identifier()
                + ")") + (r.expiresOn() == null ? "" : ", expires " + r.expiresOn()));
        showPreview.addClickListener(e -> act(this::showPreview));
        showPreview.setId("reminders-preview");
        test.addClickListener(e -> act(this::sendTest));
        test.setId("reminders-test");
        test.setVisible(mayManage);
        preview.setId("reminders-preview-text");
        preview.getStyle().set("white-space", "pre-wrap");
        HorizontalLayout previewLine = new HorizontalLayout(enrollee, showPreview, test);
        previewLine.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        error.setId("reminders-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        HorizontalLayout days = new HorizontalLayout(daysBefore, graceDays);
        VerticalLayout content = new VerticalLayout(program, applies, days, subject, body, help, previewLine,
                preview, error);
        content.setPadding(false);
        add(content);

        save.addClickListener(e -> act(this::save));
        save.setId("reminders-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayManage);
        useDefault.setId("reminders-use-default");
        useDefault.addClickListener(e -> act(() -> {
            reminders.useDefault(program.getValue().id());
            changed.run();
            load();
            Notification.show("The organisation's default applies to " + program.getValue().name() + " again.");
        }));
        getFooter().add(useDefault, save, new Button("Close", e -> close()));
        for (var field : List.of(daysBefore, graceDays, subject)) {
            field.setReadOnly(!mayManage);
        }
        body.setReadOnly(!mayManage);
        load();
    }

    /** Shows the plan of the chosen program (or the default) and the enrollees to preview with. */
    private void load() {
        error.setText("");
        preview.setText("");
        ProgramSummary p = program.getValue();
        ReminderPlan plan = p == null ? reminders.organisationDefault() : reminders.plan(p.id());
        daysBefore.setValue(ReminderPlans.format(plan.daysBefore()).replace(",", ", "));
        graceDays.setValue(ReminderPlans.format(plan.graceDays()).replace(",", ", "));
        subject.setValue(plan.subject());
        body.setValue(plan.body());
        applies.setText(describe(p == null ? null : p.name(), plan));
        useDefault.setVisible(mayManage && p != null && !plan.inherited());
        enrollee.setValue(null);
        enrollee.setEnabled(p != null);
        if (p != null) {
            TrackingFilter of = TrackingFilter.ALL.withPrograms(Set.of(p.code()));
            // pages in the database, filtered by the start of a name or identifier
            enrollee.setItems(q -> tracking.list(of.withText(q.getFilter().orElse("")), Pages.of(q)
                    .sortedBy(TrackingService.SORT_NAME, true)).items().stream(),
                    q -> Pages.total(tracking.list(of.withText(q.getFilter().orElse("")), Pages.count()).total()));
        }
    }

    static String describe(String programName, ReminderPlan plan) {
        String whose = programName == null ? "The organisation's default" : plan.inherited()
                ? programName + " uses the organisation's default" : programName + " has reminders of its own";
        if (!plan.sendsReminders()) {
            return whose + ": no reminder ladder configured, no expiry reminders are sent.";
        }
        return whose + ": " + steps(plan) + ".";
    }

    private static String steps(ReminderPlan plan) {
        String before = plan.daysBefore().isEmpty() ? "" : ReminderPlans.format(plan.daysBefore()).replace(",", ", ")
                + " days before expiry";
        String grace = plan.graceDays().isEmpty() ? "" : ReminderPlans.format(plan.graceDays()).replace(",", ", ")
                + " days into the grace period";
        return before.isEmpty() ? grace : grace.isEmpty() ? before : before + " and " + grace;
    }

    private void save() {
        ProgramSummary p = program.getValue();
        ReminderPlan saved = reminders.save(p == null ? null : p.id(), ReminderPlans.parse(daysBefore.getValue()),
                ReminderPlans.parse(graceDays.getValue()), subject.getValue(), body.getValue());
        changed.run();
        load();
        Notification.show(saved.sendsReminders() ? "Reminders saved." : "Saved: no reminders are sent"
                + (p == null ? " by default." : " for " + p.name() + "."));
    }

    private void showPreview() {
        TrackingRow who = chosenEnrollee();
        ReminderMessage m = reminders.preview(program.getValue().id(), who.enrollmentId(), subject.getValue(),
                body.getValue());
        preview.setText("To: " + (m.to() == null ? "(no email address: this person gets no reminder)" : m.to())
                + "\nSubject: " + m.subject() + "\n\n" + m.body());
    }

    private void sendTest() {
        TrackingRow who = chosenEnrollee();
        String to = reminders.testSend(program.getValue().id(), who.enrollmentId(), subject.getValue(),
                body.getValue());
        Notification.show("A test was queued to " + to + ".");
    }

    private TrackingRow chosenEnrollee() {
        if (program.getValue() == null || enrollee.getValue() == null) {
            throw new IllegalArgumentException("Choose a program and one of its enrollees to preview with.");
        }
        return enrollee.getValue();
    }

    private void act(Runnable action) {
        try {
            error.setText("");
            action.run();
        } catch (IllegalArgumentException | AccessDeniedException | ConcurrentModificationException e) {
            error.setText(e.getMessage());
        }
    }
}
