package org.certportal.accounting.internal;

import static org.certportal.accounting.api.OrderStatus.CANCELLED;
import static org.certportal.accounting.api.OrderStatus.PAID;
import static org.certportal.accounting.api.OrderStatus.UNPAID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.certportal.accounting.api.BatchTotals;
import org.junit.jupiter.api.Test;

class TotalsTest {
    @Test
    void cancelledOrdersCountButAreNotDue() {
        BatchTotals t = Totals.of(9, List.of(new Totals.Group(UNPAID, "USD", 3, new BigDecimal("300.00")),
                new Totals.Group(PAID, "USD", 2, new BigDecimal("200.00")),
                new Totals.Group(PAID, "EUR", 1, new BigDecimal("80.50")),
                new Totals.Group(CANCELLED, "USD", 4, new BigDecimal("400.00")),
                new Totals.Group(CANCELLED, "GBP", 1, new BigDecimal("10.00"))));
        assertEquals(9, t.batchId());
        assertEquals(11, t.orders());
        assertEquals(3, t.unpaid());
        assertEquals(3, t.paid());
        assertEquals(5, t.cancelled());
        assertEquals(Map.of("USD", new BigDecimal("500.00"), "EUR", new BigDecimal("80.50")), t.amountByCurrency());
        assertEquals(Map.of("USD", new BigDecimal("200.00"), "EUR", new BigDecimal("80.50")), t.paidByCurrency());
    }

    @Test
    void anEmptyBatchHasNothingDue() {
        BatchTotals t = Totals.of(1, List.of());
        assertEquals(0, t.orders());
        assertEquals("none", Totals.describe(t.amountByCurrency()));
    }

    @Test
    void amountsReadInCodeOrder() {
        assertEquals("EUR 20.00, USD 150.00", Totals.describe(Map.of("USD", new BigDecimal("150.00"), "EUR",
                new BigDecimal("20.00"))));
    }
}
