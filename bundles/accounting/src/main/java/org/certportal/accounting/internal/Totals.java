package org.certportal.accounting.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.api.OrderStatus;

/** A batch's totals from its orders counted and summed per status and currency in the database. */
public final class Totals {
    /** One group of the database's count: orders of one status in one currency. */
    record Group(OrderStatus status, String currency, long orders, BigDecimal amount) {
    }

    private Totals() {
    }

    /** Cancelled orders count, but their amounts do not: they will never be paid. */
    static BatchTotals of(long batchId, List<Group> groups) {
        long unpaid = 0;
        long paid = 0;
        long cancelled = 0;
        Map<String, BigDecimal> due = new TreeMap<>();
        Map<String, BigDecimal> received = new TreeMap<>();
        for (Group g : groups) {
            switch (g.status()) {
                case UNPAID -> unpaid += g.orders();
                case PAID -> {
                    paid += g.orders();
                    received.merge(g.currency(), g.amount(), BigDecimal::add);
                }
                case CANCELLED -> cancelled += g.orders();
            }
            if (g.status() != OrderStatus.CANCELLED) {
                due.merge(g.currency(), g.amount(), BigDecimal::add);
            }
        }
        return new BatchTotals(batchId, unpaid + paid + cancelled, unpaid, paid, cancelled, due, received);
    }

    /** "USD 150.00, EUR 20.00" in code order, or "none". */
    public static String describe(Map<String, BigDecimal> amounts) {
        if (amounts.isEmpty()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        new TreeMap<>(amounts).forEach((currency, amount) -> {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(currency).append(' ').append(amount.toPlainString());
        });
        return s.toString();
    }
}
