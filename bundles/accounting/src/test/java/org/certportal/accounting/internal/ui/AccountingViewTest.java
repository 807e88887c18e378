package org.certportal.accounting.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.accounting.internal.AccountingPermissionProvider;
import org.certportal.persistence.api.Page;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

/** The page and its dialogs built from plain objects, as the contribution builds them. */
class AccountingViewTest {
    static final Batch JUNE = new Batch(3, "June fees", BatchStatus.OPEN, "certmanager", Instant.EPOCH);
    private final List<String> calls = new ArrayList<>();
    private final AccountingService accounting = (AccountingService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] { AccountingService.class }, (proxy, method, args) -> {
                calls.add(method.getName());
                return switch (method.getName()) {
                    case "batches" -> new Page<>(List.of(JUNE), 1);
                    case "totals" -> args[0] instanceof Collection<?> ? Map.of()
                            : new BatchTotals(3, 2, 1, 1, 0, Map.of("USD", new BigDecimal("200.00")),
                                    Map.of("USD", new BigDecimal("100.00")));
                    case "orders" -> new Page<>(List.of(), 0);
                    default -> throw new AssertionError("the view called " + method.getName());
                };
            });
    private final DateFormats dates = DateFormats.iso(ZoneId.of("UTC"));
    /** Held here: the current UI is only weakly referenced. */
    private UI ui;

    @BeforeEach
    void ui() {
        // the export link is a stream resource, registered with the current UI
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    private AccountingView view(Role role) {
        return new AccountingView(accounting, new TestSecurity(new AccountingPermissionProvider()).as(role), dates);
    }

    @Test
    void staffSeeButDoNotChange() {
        AccountingView view = view(Role.STAFF);
        assertFalse(view.newBatch.isVisible());
        view.show(JUNE);
        assertTrue(view.batchPanel.isVisible());
        assertFalse(view.markPaid.isVisible());
        assertFalse(view.cancelOrders.isVisible());
        assertFalse(view.closeBatch.isVisible());
        assertEquals("2 orders: 1 unpaid, 1 paid, 0 cancelled. Due USD 200.00; received USD 100.00.",
                view.totalsLine.getText());
    }

    @Test
    void managersActOnTickedUnpaidOrdersOnly() {
        AccountingView view = view(Role.CERTIFICATION_MANAGER);
        assertTrue(view.newBatch.isVisible());
        assertFalse(view.batchPanel.isVisible(), "no batch chosen yet");
        view.show(JUNE);
        assertEquals("June fees (Open)", view.batchTitle.getText());
        assertTrue(view.closeBatch.isVisible());
        assertFalse(view.markPaid.isEnabled(), "nothing ticked");
        assertEquals("Tick orders to mark them paid or cancel them.", view.selectionNote.getText());
        view.show(new Batch(4, "May", BatchStatus.CLOSED, "x", Instant.EPOCH));
        assertFalse(view.closeBatch.isVisible(), "a closed batch is not closed again");
    }

    @Test
    void tickingOrdersSaysWhatTheyAmountToOrWhichToTakeOut() {
        AccountingView view = view(Role.CERTIFICATION_MANAGER);
        view.show(JUNE);
        view.orders.asMultiSelect().select(OrderSelectionTest.order(7, OrderStatus.UNPAID, "100.00", "USD"),
                OrderSelectionTest.order(8, OrderStatus.UNPAID, "50.00", "USD"));
        assertTrue(view.markPaid.isEnabled());
        assertTrue(view.cancelOrders.isEnabled());
        assertEquals("2 chosen: USD 150.00", view.selectionNote.getText());
        view.orders.asMultiSelect().select(OrderSelectionTest.order(9, OrderStatus.PAID, "50.00", "USD"));
        assertFalse(view.markPaid.isEnabled());
        assertFalse(view.cancelOrders.isEnabled());
        assertEquals("Only unpaid orders can be marked paid: take order 9 out of the selection.",
                view.selectionNote.getText());
    }

    @Test
    void theExportIsNamedAfterTheBatch() {
        assertEquals("batch-3-june-fees.csv", AccountingView.fileName(JUNE));
        assertEquals("batch-9.csv", AccountingView.fileName(new Batch(9, "***", BatchStatus.OPEN, "x", Instant.EPOCH)));
    }

    @Test
    void theMarkPaidDialogKeepsARefusalAndStaysOpen() {
        AtomicReference<LocalDate> asked = new AtomicReference<>();
        LocalDate today = LocalDate.of(2026, 7, 16);
        MarkPaidDialog dialog = new MarkPaidDialog("Mark 2 orders paid?", today, day -> {
            asked.set(day);
            throw new IllegalArgumentException("Nothing was marked paid: order 7 is already paid.");
        });
        dialog.open();
        assertEquals(today, dialog.paidOn.getValue());
        assertEquals(today, dialog.paidOn.getMax(), "no payment received in the future");
        dialog.paidOn.setValue(LocalDate.of(2026, 7, 1));
        dialog.confirm.click();
        assertEquals(LocalDate.of(2026, 7, 1), asked.get());
        assertEquals("Nothing was marked paid: order 7 is already paid.", dialog.refusal.getText());
        assertTrue(dialog.isOpened());
    }

    @Test
    void theCancelDialogPutsTheRefusalBesideTheReason() {
        CancelOrdersDialog dialog = new CancelOrdersDialog("Cancel order 7?", reason -> {
            throw new IllegalArgumentException("Say why the orders are cancelled.");
        });
        dialog.open();
        dialog.confirm.click();
        assertTrue(dialog.reason.isInvalid());
        assertEquals("Say why the orders are cancelled.", dialog.reason.getErrorMessage());
        dialog.reason.setValue("Withdrew");
        assertFalse(dialog.reason.isInvalid(), "the message goes with the change");
    }
}
