package org.certportal.accounting.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;

/**
 * Which orders may be paid or cancelled: only unpaid ones, all of them or none. Each refusal names the
 * orders it is about, so staff can take them out of the selection.
 */
final class OrderTransitions {
    /** One call's orders at most: a page of the Accounting view, or a shell command's list. */
    static final int MAX_ORDERS = 1000;

    private OrderTransitions() {
    }

    /** The distinct ids in the given order. @throws IllegalArgumentException for none, too many or a non-positive id */
    static List<Long> ids(Collection<Long> orderIds) {
        if (orderIds == null || orderIds.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one order.");
        }
        Set<Long> distinct = new LinkedHashSet<>();
        for (Long id : orderIds) {
            if (id == null || id <= 0) {
                throw new IllegalArgumentException("'" + id + "' is no order number.");
            }
            distinct.add(id);
        }
        if (distinct.size() > MAX_ORDERS) {
            throw new IllegalArgumentException("At most " + MAX_ORDERS + " orders at once (" + distinct.size()
                    + " chosen).");
        }
        return new ArrayList<>(distinct);
    }

    /**
     * @param found the stored orders of these ids
     * @param purposes the purposes with a handler registered now
     */
    static void checkPayable(List<Long> ids, Map<Long, Order> found, Set<String> purposes) {
        checkUnpaid(ids, found, "marked paid");
        Set<String> unhandled = new TreeSet<>();
        for (Long id : ids) {
            String purpose = found.get(id).purpose();
            if (!purposes.contains(purpose)) {
                unhandled.add(purpose);
            }
        }
        if (!unhandled.isEmpty()) {
            List<Long> which = ids.stream().filter(id -> unhandled.contains(found.get(id).purpose())).toList();
            throw new IllegalArgumentException("Nothing was marked paid: no installed feature completes orders for "
                    + String.join(", ", unhandled.stream().map(p -> "'" + p + "'").toList()) + " (" + list(which)
                    + "); install the feature that created them first.");
        }
    }

    static void checkCancellable(List<Long> ids, Map<Long, Order> found) {
        checkUnpaid(ids, found, "cancelled");
    }

    private static void checkUnpaid(List<Long> ids, Map<Long, Order> found, String done) {
        List<Long> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Nothing was " + done + ": there is no " + list(unknown) + ".");
        }
        List<Long> paid = withStatus(ids, found, OrderStatus.PAID);
        List<Long> cancelled = withStatus(ids, found, OrderStatus.CANCELLED);
        if (!paid.isEmpty() || !cancelled.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            if (!paid.isEmpty()) {
                reasons.add(list(paid) + (paid.size() == 1 ? " is" : " are") + " already paid");
            }
            if (!cancelled.isEmpty()) {
                reasons.add(list(cancelled) + (cancelled.size() == 1 ? " is" : " are") + " cancelled");
            }
            throw new IllegalArgumentException("Nothing was " + done + ": " + String.join(" and ", reasons)
                    + "; only unpaid orders can be " + done + ".");
        }
    }

    private static List<Long> withStatus(List<Long> ids, Map<Long, Order> found, OrderStatus status) {
        return ids.stream().filter(id -> found.get(id).status() == status).toList();
    }

    /** "order 12" or "orders 12, 13, 14, 15, 16 and 3 more". */
    static String list(List<Long> ids) {
        String shown = ids.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "));
        String more = ids.size() > 5 ? " and " + (ids.size() - 5) + " more" : "";
        return (ids.size() == 1 ? "order " : "orders ") + shown + more;
    }
}
