package org.certportal.accounting.internal.ui;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.accounting.internal.Totals;

/**
 * The orders ticked on the Accounting page, and what may be done with them: only unpaid orders are paid or
 * cancelled, so a selection holding another says which to take out before the buttons act.
 */
final class OrderSelection {
    private final List<Order> orders;

    OrderSelection(Collection<Order> selected) {
        this.orders = selected.stream().sorted(Comparator.comparingLong(Order::id)).toList();
    }

    List<Long> ids() {
        return orders.stream().map(Order::id).toList();
    }

    int size() {
        return orders.size();
    }

    /** Why the selection cannot be paid or cancelled, or empty when it can. */
    Optional<String> whyNot(String action) {
        if (orders.isEmpty()) {
            return Optional.of("Tick the orders to " + action + ".");
        }
        List<Long> done = orders.stream().filter(o -> o.status() != OrderStatus.UNPAID).map(Order::id).toList();
        if (!done.isEmpty()) {
            return Optional.of("Only unpaid orders can be " + (action.equals("mark paid") ? "marked paid" : "cancelled")
                    + ": take " + (done.size() == 1 ? "order " : "orders ") + join(done) + " out of the selection.");
        }
        return Optional.empty();
    }

    /** What the confirmation asks: how many orders and what they amount to. */
    String payQuestion() {
        return "Mark " + count() + " paid (" + amounts() + ")? Each completes the step it was waiting for, such as"
                + " a certification becoming Active with its confirmation email. This cannot be undone here.";
    }

    String cancelQuestion() {
        return "Cancel " + count() + " (" + amounts() + ")? They will not be paid and stay in the batch, marked"
                + " Cancelled, with your reason.";
    }

    private String count() {
        return orders.size() == 1 ? "order " + orders.get(0).id() : orders.size() + " orders";
    }

    /** Sum per currency, "USD 300.00, EUR 20.00" in code order. */
    String amounts() {
        Map<String, BigDecimal> sums = new TreeMap<>();
        orders.forEach(o -> sums.merge(o.currency(), o.amount(), BigDecimal::add));
        return Totals.describe(sums);
    }

    private static String join(List<Long> ids) {
        String shown = String.join(", ", ids.stream().limit(5).map(String::valueOf).toList());
        return ids.size() > 5 ? shown + " and " + (ids.size() - 5) + " more" : shown;
    }
}
