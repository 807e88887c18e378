package org.certportal.tracking.internal.ui;

import java.time.Instant;
import java.util.ConcurrentModificationException;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.tracking.api.SentReminder;
import org.certportal.tracking.api.StatusDetail;
import org.certportal.tracking.api.StatusHistoryEntry;
import org.certportal.tracking.api.TrackingRow;
import org.certportal.tracking.api.TrackingService;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

/**
 * One enrollment's status: its dates, its status history (who, when, old, new, reason, run), a status
 * set by hand with a required reason, and the resolution of an Admin Review.
 */
class StatusDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    private final transient TrackingService tracking;
    private final long enrollmentId;
    private final Runnable changed;
    private final VerticalLayout body = new VerticalLayout();
    private final Span error = new Span();

    private final transient DateFormats dates;

    /** @param dates how the organisation writes dates and times */
    StatusDialog(TrackingService tracking, long enrollmentId, Runnable changed, DateFormats dates) {
        this.dates = dates;
        this.tracking = tracking;
        this.enrollmentId = enrollmentId;
        this.changed = changed;
        setWidth("56rem");
        error.setId("status-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(body);
        getFooter().add(new Button("Close", e -> close()));
        load();
    }

    private void load() {
        body.removeAll();
        error.setText("");
        StatusDetail d = tracking.detail(enrollmentId);
        TrackingRow r = d.row();
        setHeaderTitle(r.contactName() + " in " + r.programName());
        Span status = new Span(r.status().title());
        status.setId("status-current");
        body.add(new HorizontalLayout(new Span("Status:"), status), new Span("Enrolled " + r.enrolledOn()
                + (r.earnedOn() == null ? "" : ", earned " + r.earnedOn()) + (r.expiresOn() == null ? ""
                        : ", expires " + r.expiresOn() + " (" + r.daysLeft() + " days left)") + "."));

        TextArea reason = new TextArea("Reason");
        reason.setId("status-reason");
        reason.setWidthFull();
        reason.setMaxLength(500);
        if (d.mayReview()) {
            Button approve = new Button("Approve (Active)", e -> act(() -> tracking.resolveReview(enrollmentId,
                    r.version(), true, reason.getValue())));
            approve.setId("review-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button reject = new Button("Reject (Not completed)", e -> act(() -> tracking.resolveReview(enrollmentId,
                    r.version(), false, reason.getValue())));
            reject.setId("review-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            body.add(new H4("Admin review"), reason, new HorizontalLayout(approve, reject));
        }
        if (!d.manualTargets().isEmpty()) {
            Select<CertificationStatus> to = new Select<>();
            to.setId("status-target");
            to.setLabel("Set status");
            to.setItems(TrackingService.MANUAL_STATUSES.stream().filter(d.manualTargets()::contains).toList());
            to.setItemLabelGenerator(s -> s == null ? "" : s.title());
            Button set = new Button("Set status", e -> {
                if (to.getValue() == null) {
                    error.setText("Choose the status to set.");
                    return;
                }
                act(() -> tracking.setStatus(enrollmentId, r.version(), to.getValue(), reason.getValue()));
            });
            set.setId("status-set");
            if (!d.mayReview()) {
                body.add(reason);
            }
            HorizontalLayout line = new HorizontalLayout(to, set);
            line.setDefaultVerticalComponentAlignment(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
            body.add(new H4("Change by hand"), line);
        }
        body.add(error, new H4("Status history"));
        Grid<StatusHistoryEntry> history = new Grid<>();
        history.setId("status-history");
        history.setAllRowsVisible(true);
        // long reasons wrap instead of being cut
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.addColumn(h -> when(h.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(StatusHistoryEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(h -> change(h.from(), h.to())).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
        history.addColumn(StatusHistoryEntry::reason).setHeader("Reason").setFlexGrow(2);
        history.addColumn(StatusHistoryEntry::source).setHeader("By").setFlexGrow(1);
        history.setItems(d.history());
        body.add(history, new H4("Expiry reminders"));
        if (d.reminders().isEmpty()) {
            Span none = new Span("No expiry reminder handled for this enrollment yet.");
            none.setId("status-no-reminders");
            body.add(none);
        } else {
            Grid<SentReminder> reminders = new Grid<>();
            reminders.setId("status-reminders");
            reminders.setAllRowsVisible(true);
            reminders.addColumn(s -> when(s.at())).setHeader("When");
            reminders.addColumn(SentReminder::step).setHeader("Reminder");
            reminders.addColumn(s -> dates.date(s.expiresOn())).setHeader("For expiry on");
            reminders.addColumn(StatusDialog::outcome).setHeader("Outcome");
            reminders.addColumn(s -> s.runId() == null ? "" : "expiry run " + s.runId()).setHeader("By");
            reminders.setItems(d.reminders());
            body.add(reminders);
        }
    }

    /** A moment as staff read it: the organisation's date and time to the minute. */
    private String when(Instant at) {
        return dates.time(at);
    }

    /** A status change in the words of the Tracking page ("In progress → Active"), not stored names. */
    static String change(String from, String to) {
        return (from == null ? "New" : title(from)) + " → " + title(to);
    }

    private static String title(String status) {
        try {
            return CertificationStatus.valueOf(status).title();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(status);
        }
    }

    static String outcome(SentReminder r) {
        return switch (r.outcome()) {
            case SentReminder.SENT -> "Sent to " + r.recipient();
            case SentReminder.NO_ADDRESS -> "Not sent: no email address";
            case SentReminder.SKIPPED -> "Skipped: a later reminder was due";
            default -> r.outcome();
        };
    }

    private void act(Runnable change) {
        try {
            change.run();
            changed.run();
            load();
        } catch (IllegalArgumentException | AccessDeniedException | ConcurrentModificationException e) {
            error.setText(e.getMessage());
        }
    }
}
