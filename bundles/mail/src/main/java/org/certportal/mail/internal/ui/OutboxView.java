package org.certportal.mail.internal.ui;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.certportal.mail.api.MailOutbox;
import org.certportal.mail.api.MailPermissions;
import org.certportal.mail.api.MailStatus;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.mail.internal.MailDeliveryState;
import org.certportal.persistence.api.Page;
import org.certportal.security.api.SecurityService;
import org.certportal.ui.spi.DateFormats;
import org.certportal.ui.spi.Pages;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;

/** The mail outbox, newest first, filtered and paged in the database; failed or sent mail can be resent. */
public class OutboxView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient MailOutbox outbox;
    private final ComboBox<MailStatus> status = new ComboBox<>("Status");
    private final TextField recipient = new TextField("Recipient");
    private final Grid<OutboxEntry> grid = new Grid<>();
    /** How many messages the filter finds. */
    private final Span count = new Span();

    private final transient DateFormats dates;

    /**
     * @param delivery the dispatcher, empty while the mail settings cannot be read
     * @param dates how the organisation writes dates and times
     */
    public OutboxView(MailOutbox outbox, SecurityService security, Supplier<Optional<MailDeliveryState>> delivery,
            DateFormats dates) {
        this.outbox = outbox;
        this.dates = dates;
        setSizeFull();
        Span notSending = new Span(delivery.get().map(d -> d.notSendingBecause().orElse("")).orElse(
                "Mail is not being sent: the settings in etc/org.certportal.mail.cfg cannot be read (the log names"
                        + " the key). Messages wait here."));
        notSending.setId("outbox-not-sending");
        notSending.getStyle().set("color", "var(--lumo-error-text-color)");
        notSending.setVisible(!notSending.getText().isEmpty());
        boolean mayResend = security.isPermitted(MailPermissions.RESEND);
        status.setId("outbox-status-filter");
        status.setItems(MailStatus.values());
        status.setItemLabelGenerator(OutboxView::label);
        status.setClearButtonVisible(true);
        status.setPlaceholder("Any");
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        recipient.setId("outbox-recipient-filter");
        recipient.setPlaceholder("Start of the address");
        recipient.setClearButtonVisible(true);
        recipient.setValueChangeMode(ValueChangeMode.LAZY);
        recipient.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.setId("outbox-grid");
        grid.addColumn(OutboxEntry::to).setHeader("To").setAutoWidth(true);
        grid.addColumn(OutboxEntry::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(e -> label(e.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(OutboxEntry::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(OutboxEntry::lastError).setHeader("Last error").setFlexGrow(3);
        grid.addColumn(e -> time(e.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(e -> time(e.sentAt())).setHeader("Sent").setAutoWidth(true);
        grid.addColumn(e -> e.status() == MailStatus.QUEUED ? time(e.nextAttemptAt()) : "").setHeader("Next attempt")
                .setAutoWidth(true);
        if (mayResend) {
            grid.addComponentColumn(this::resendButton).setHeader("").setAutoWidth(true);
        }
        grid.setItems(DataProvider.fromCallbacks(
                q -> outbox.search(status.getValue(), recipient.getValue(), Pages.of(q)).items().stream(),
                q -> counted(outbox.search(status.getValue(), recipient.getValue(), Pages.count()))));
        count.setId("outbox-count");
        H2 title = new H2("Mail outbox");
        title.setId("outbox-title");
        HorizontalLayout filters = new HorizontalLayout(status, recipient, count);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(title, notSending, filters, grid);
        expand(grid);
    }

    /** The count callback: says how many ("more than 10,000" past the count's cap, where the grid stops). */
    private int counted(Page<OutboxEntry> page) {
        count.setText(page.totalText("message", "messages"));
        return Pages.total(page.total());
    }

    private Component resendButton(OutboxEntry entry) {
        if (entry.status() != MailStatus.FAILED && entry.status() != MailStatus.SENT) {
            return new Span();
        }
        Button resend = new Button("Resend", e -> confirmResend(entry));
        resend.setId("outbox-resend-" + entry.id());
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return resend;
    }

    private void confirmResend(OutboxEntry entry) {
        ConfirmDialog confirm = new ConfirmDialog("Resend message?", "Send \"" + entry.subject() + "\" to "
                + entry.to() + " again" + (entry.status() == MailStatus.SENT ? ", although it was sent already?" : "?"),
                "Resend", e -> {
                    outbox.resend(entry.id());
                    grid.getDataProvider().refreshAll();
                    Notification.show("Message queued again.", 3000, Notification.Position.BOTTOM_START);
                });
        confirm.setId("outbox-resend-confirm");
        confirm.setCancelable(true);
        confirm.open();
    }

    private static String label(MailStatus s) {
        return switch (s) {
            case QUEUED -> "Queued";
            case SENDING -> "Sending";
            case SENT -> "Sent";
            case FAILED -> "Failed";
        };
    }

    private String time(Instant at) {
        return dates.time(at);
    }
}
