package org.certportal.accounting.internal.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.certportal.accounting.api.AccountingPermissions;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.accounting.internal.Totals;
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
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.StreamResource;

/**
 * The Accounting page: batches (filtered and paged in the database, with their totals); choosing one
 * shows its orders (paged, by status), which Certification Managers mark paid or cancel, and its CSV export.
 */
public class AccountingView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final transient AccountingService accounting;
    private final transient DateFormats dates;
    private final boolean mayManage;

    final ComboBox<BatchStatus> batchStatus = new ComboBox<>("Status");
    final TextField batchName = new TextField("Name");
    final Button newBatch = new Button("New batch");
    final Grid<Batch> batches = new Grid<>();
    /** The totals of the batches on the loaded pages, read with them in one call per page. */
    private final Map<Long, BatchTotals> totals = new HashMap<>();

    final VerticalLayout batchPanel = new VerticalLayout();
    final H3 batchTitle = new H3();
    final Span totalsLine = new Span();
    final Button closeBatch = new Button("Close batch");
    final Anchor export = new Anchor();
    final ComboBox<OrderStatus> orderStatus = new ComboBox<>("Order status");
    final Grid<Order> orders = new Grid<>();
    final Button markPaid = new Button("Mark paid");
    final Button cancelOrders = new Button("Cancel orders");
    final Span selectionNote = new Span();
    /** How many batches and orders the filters find ("more than 10,000" past the count's cap). */
    final Span batchCount = new Span();
    final Span orderCount = new Span();
    private Batch batch;

    /** @param dates how the organisation writes dates: the grids' times and the payment date's picker */
    public AccountingView(AccountingService accounting, SecurityService security, DateFormats dates) {
        this.accounting = accounting;
        this.dates = dates;
        this.mayManage = security.isPermitted(AccountingPermissions.MANAGE);
        setSizeFull();
        H2 title = new H2("Accounting");
        title.setId("accounting-title");

        batchStatus.setId("accounting-batch-status");
        batchStatus.setItems(BatchStatus.values());
        batchStatus.setItemLabelGenerator(BatchStatus::title);
        batchStatus.setPlaceholder("Any");
        batchStatus.setClearButtonVisible(true);
        batchStatus.addValueChangeListener(e -> batches.getDataProvider().refreshAll());
        batchName.setId("accounting-batch-name");
        batchName.setPlaceholder("Start of the name");
        batchName.setClearButtonVisible(true);
        batchName.setValueChangeMode(ValueChangeMode.LAZY);
        batchName.addValueChangeListener(e -> batches.getDataProvider().refreshAll());
        newBatch.setId("accounting-new-batch");
        newBatch.setVisible(mayManage);
        newBatch.addClickListener(e -> new NameDialog(this::createBatch).open());
        batchCount.setId("accounting-batch-count");
        orderCount.setId("accounting-order-count");
        FlexLayout filters = row(batchStatus, batchName, newBatch, batchCount);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        batches.setId("accounting-batches");
        batches.addColumn(Batch::name).setHeader("Batch").setSortable(true).setKey("name").setFlexGrow(2);
        batches.addColumn(b -> b.status().title()).setHeader("Status").setSortable(true).setKey("status")
                .setAutoWidth(true);
        batches.addColumn(b -> dates.time(b.createdAt())).setHeader("Created").setSortable(true).setKey("createdAt")
                .setAutoWidth(true);
        batches.addColumn(Batch::createdBy).setHeader("By").setAutoWidth(true);
        batches.addColumn(b -> totalsOf(b).map(t -> String.valueOf(t.orders())).orElse("")).setHeader("Orders")
                .setAutoWidth(true);
        batches.addColumn(b -> totalsOf(b).map(t -> String.valueOf(t.unpaid())).orElse("")).setHeader("Unpaid")
                .setAutoWidth(true);
        batches.addColumn(b -> totalsOf(b).map(t -> Totals.describe(t.amountByCurrency())).orElse(""))
                .setHeader("Due").setFlexGrow(1);
        batches.addColumn(b -> totalsOf(b).map(t -> Totals.describe(t.paidByCurrency())).orElse(""))
                .setHeader("Received").setFlexGrow(1);
        batches.setItems(DataProvider.fromCallbacks(q -> {
            Page<Batch> page = accounting.batches(batchStatus.getValue(), batchName.getValue(), Pages.of(q));
            totals.putAll(accounting.totals(page.items().stream().map(Batch::id).toList()));
            return page.items().stream();
        }, q -> counted(batchCount, accounting.batches(batchStatus.getValue(), batchName.getValue(), Pages.count()),
                "batch", "batches")));
        batches.setHeight("16em");
        batches.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        batchPanel.setId("accounting-batch-panel");
        batchPanel.setPadding(false);
        batchPanel.setVisible(false);
        batchTitle.setId("accounting-batch-title");
        totalsLine.setId("accounting-totals");
        closeBatch.setId("accounting-close-batch");
        closeBatch.addClickListener(e -> confirmClose());
        export.setId("accounting-export");
        export.setText("Export CSV");
        export.getElement().setAttribute("download", true);
        orderStatus.setId("accounting-order-status");
        orderStatus.setItems(OrderStatus.values());
        orderStatus.setItemLabelGenerator(OrderStatus::title);
        orderStatus.setPlaceholder("Any");
        orderStatus.setClearButtonVisible(true);
        orderStatus.addValueChangeListener(e -> orders.getDataProvider().refreshAll());

        orders.setId("accounting-orders");
        orders.addColumn(Order::id).setHeader("Order").setSortable(true).setKey("id").setAutoWidth(true);
        orders.addColumn(Order::contactName).setHeader("Contact").setFlexGrow(2);
        orders.addColumn(o -> o.description() == null ? o.purpose() : o.description()).setHeader("For").setFlexGrow(2);
        orders.addColumn(Order::reference).setHeader("Reference").setSortable(true).setKey("reference")
                .setAutoWidth(true);
        orders.addColumn(o -> o.amount().toPlainString() + " " + o.currency()).setHeader("Amount").setSortable(true)
                .setKey("amount").setAutoWidth(true);
        orders.addColumn(o -> o.status().title()).setHeader("Status").setSortable(true).setKey("status")
                .setAutoWidth(true);
        orders.addColumn(o -> dates.time(o.paidAt())).setHeader("Paid").setAutoWidth(true);
        orders.setItems(DataProvider.fromCallbacks(
                q -> batch == null ? Stream.empty()
                        : accounting.orders(batch.id(), orderStatus.getValue(), Pages.of(q)).items().stream(),
                q -> batch == null ? 0
                        : counted(orderCount, accounting.orders(batch.id(), orderStatus.getValue(), Pages.count()),
                                "order", "orders")));
        if (mayManage) {
            orders.setSelectionMode(Grid.SelectionMode.MULTI);
            orders.asMultiSelect().addValueChangeListener(e -> selectionChanged());
        }
        markPaid.setId("accounting-mark-paid");
        markPaid.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        markPaid.addClickListener(e -> confirmPaid());
        cancelOrders.setId("accounting-cancel-orders");
        cancelOrders.addClickListener(e -> confirmCancel());
        markPaid.setVisible(mayManage);
        cancelOrders.setVisible(mayManage);
        selectionNote.setId("accounting-selection-note");
        selectionChanged();

        FlexLayout batchActions = row(orderStatus, orderCount, closeBatch, export);
        batchActions.setAlignItems(FlexComponent.Alignment.BASELINE);
        FlexLayout orderActions = row(markPaid, cancelOrders, selectionNote);
        orderActions.setAlignItems(FlexComponent.Alignment.BASELINE);
        batchPanel.add(batchTitle, totalsLine, batchActions, orders, orderActions);
        batchPanel.setSizeFull();
        batchPanel.expand(orders);
        add(title, filters, batches, batchPanel);
        expand(batchPanel);
    }

    private static FlexLayout row(Component... parts) {
        FlexLayout row = new FlexLayout(parts);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        return row;
    }

    private Optional<BatchTotals> totalsOf(Batch b) {
        return Optional.ofNullable(totals.get(b.id()));
    }

    /** Shows the batch's orders and totals; none chosen hides the panel. */
    void show(Batch chosen) {
        batch = chosen;
        batchPanel.setVisible(chosen != null);
        if (chosen == null) {
            return;
        }
        batchTitle.setText(chosen.name() + " (" + chosen.status().title() + ")");
        closeBatch.setVisible(mayManage && chosen.status() == BatchStatus.OPEN);
        export.setHref(new StreamResource(fileName(chosen), (out, session) -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            accounting.exportBatch(chosen.id(), w);
            w.flush();
        }));
        refreshBatch();
    }

    /** The totals line and the orders again, after a change. */
    private void refreshBatch() {
        BatchTotals t = accounting.totals(batch.id());
        totals.put(batch.id(), t);
        totalsLine.setText(TotalsText.of(t));
        // the batch's row in the list shows the new counts too
        batches.getDataProvider().refreshItem(batch);
        orders.deselectAll();
        orders.getDataProvider().refreshAll();
        selectionChanged();
    }

    static String fileName(Batch b) {
        String slug = b.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "batch-" + b.id() + (slug.isEmpty() ? "" : "-" + slug) + ".csv";
    }

    private OrderSelection selection() {
        return new OrderSelection(mayManage ? orders.asMultiSelect().getValue() : List.of());
    }

    private void selectionChanged() {
        OrderSelection s = selection();
        Optional<String> whyNot = s.whyNot("mark paid");
        markPaid.setEnabled(whyNot.isEmpty());
        cancelOrders.setEnabled(whyNot.isEmpty());
        selectionNote.setText(s.size() == 0 ? "Tick orders to mark them paid or cancel them."
                : whyNot.orElse(s.size() + " chosen: " + s.amounts()));
    }

    private void createBatch(String name) {
        Batch created = accounting.createBatch(name);
        batches.getDataProvider().refreshAll();
        batches.select(created);
        show(created);
        Notification.show("Batch " + created.name() + " created.", 3000, Notification.Position.BOTTOM_START);
    }

    private void confirmClose() {
        Batch b = batch;
        ConfirmDialog confirm = new ConfirmDialog("Close batch?", "Close " + b.name() + "? It will take no new orders;"
                + " its orders can still be paid or cancelled.", "Close batch", e -> {
                    Batch closed = accounting.closeBatch(b.id());
                    batches.getDataProvider().refreshAll();
                    show(closed);
                });
        confirm.setId("accounting-close-confirm");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void confirmPaid() {
        OrderSelection s = selection();
        if (s.whyNot("mark paid").isPresent()) {
            return;
        }
        LocalDate today = LocalDate.now(dates.zone());
        MarkPaidDialog dialog = new MarkPaidDialog(s.payQuestion(), today, day -> {
            int n = accounting.markPaid(s.ids(), day);
            refreshBatch();
            Notification.show(n + (n == 1 ? " order" : " orders") + " marked paid.", 3000,
                    Notification.Position.BOTTOM_START);
        });
        dates.localize(dialog.paidOn);
        dialog.open();
    }

    private void confirmCancel() {
        OrderSelection s = selection();
        if (s.whyNot("cancel").isPresent()) {
            return;
        }
        new CancelOrdersDialog(s.cancelQuestion(), reason -> {
            int n = accounting.cancel(s.ids(), reason);
            refreshBatch();
            Notification.show(n + (n == 1 ? " order" : " orders") + " cancelled.", 3000,
                    Notification.Position.BOTTOM_START);
        }).open();
    }

    /** A count callback's answer, said in the label beside its list. */
    private static int counted(Span label, Page<?> page, String one, String many) {
        label.setText(page.totalText(one, many));
        return Pages.total(page.total());
    }
}
