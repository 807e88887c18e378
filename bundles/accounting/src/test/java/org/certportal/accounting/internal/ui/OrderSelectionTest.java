package org.certportal.accounting.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;
import org.junit.jupiter.api.Test;

class OrderSelectionTest {
    static Order order(long id, OrderStatus status, String amount, String currency) {
        return new Order(id, 1, "Ada Lovelace", "masscert.certification", "e" + id, "Widget Inspector",
                new BigDecimal(amount), currency, status, 3, Instant.EPOCH, null);
    }

    @Test
    void unpaidOrdersArePaidWithTheirSumsPerCurrency() {
        OrderSelection s = new OrderSelection(List.of(order(12, OrderStatus.UNPAID, "100.00", "USD"),
                order(10, OrderStatus.UNPAID, "50.50", "USD"), order(11, OrderStatus.UNPAID, "20.00", "EUR")));
        assertEquals(Optional.empty(), s.whyNot("mark paid"));
        assertEquals(List.of(10L, 11L, 12L), s.ids());
        assertEquals("EUR 20.00, USD 150.50", s.amounts());
        assertEquals("Mark 3 orders paid (EUR 20.00, USD 150.50)? Each completes the step it was waiting for, such as"
                + " a certification becoming Active with its confirmation email. This cannot be undone here.",
                s.payQuestion());
        assertEquals("Cancel order 10 (USD 50.50)? They will not be paid and stay in the batch, marked Cancelled, with"
                + " your reason.", new OrderSelection(List.of(order(10, OrderStatus.UNPAID, "50.50", "USD")))
                        .cancelQuestion());
    }

    @Test
    void aSelectionWithPaidOrCancelledOrdersSaysWhichToTakeOut() {
        OrderSelection s = new OrderSelection(List.of(order(12, OrderStatus.PAID, "1", "USD"),
                order(10, OrderStatus.UNPAID, "1", "USD"), order(11, OrderStatus.CANCELLED, "1", "USD")));
        assertEquals(Optional.of("Only unpaid orders can be marked paid: take orders 11, 12 out of the selection."),
                s.whyNot("mark paid"));
        assertEquals(Optional.of("Only unpaid orders can be cancelled: take orders 11, 12 out of the selection."),
                s.whyNot("cancel"));
        assertEquals(Optional.of("Tick the orders to mark paid."), new OrderSelection(List.of()).whyNot("mark paid"));
    }

    @Test
    void totalsReadAsASentence() {
        assertEquals("No orders yet.", TotalsText.of(new BatchTotals(1, 0, 0, 0, 0, java.util.Map.of(),
                java.util.Map.of())));
        assertEquals("4 orders: 2 unpaid, 1 paid, 1 cancelled. Due USD 150.50; received USD 100.00.",
                TotalsText.of(new BatchTotals(1, 4, 2, 1, 1, java.util.Map.of("USD", new BigDecimal("150.50")),
                        java.util.Map.of("USD", new BigDecimal("100.00")))));
    }
}
