package org.certportal.accounting.internal.ui;

import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.internal.Totals;

/** A batch's totals in one sentence for the page. */
final class TotalsText {
    private TotalsText() {
    }

    static String of(BatchTotals t) {
        if (t.orders() == 0) {
            return "No orders yet.";
        }
        return (t.orders() == 1 ? "1 order: " : t.orders() + " orders: ") + t.unpaid() + " unpaid, " + t.paid()
                + " paid, " + t.cancelled() + " cancelled. Due " + Totals.describe(t.amountByCurrency())
                + "; received " + Totals.describe(t.paidByCurrency()) + ".";
    }
}
