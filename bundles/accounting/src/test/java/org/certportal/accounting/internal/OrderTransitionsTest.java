package org.certportal.accounting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;
import org.junit.jupiter.api.Test;

class OrderTransitionsTest {
    private static Order order(long id, OrderStatus status, String purpose) {
        return new Order(id, 1, "A", purpose, "r" + id, null, BigDecimal.TEN, "USD", status, 1, Instant.EPOCH, null);
    }

    @Test
    void idsAreDistinctInTheirOrderAndBounded() {
        assertEquals(List.of(3L, 1L), OrderTransitions.ids(List.of(3L, 1L, 3L)));
        assertEquals("Choose at least one order.", assertThrows(IllegalArgumentException.class,
                () -> OrderTransitions.ids(List.of())).getMessage());
        assertEquals("'0' is no order number.", assertThrows(IllegalArgumentException.class,
                () -> OrderTransitions.ids(List.of(0L))).getMessage());
        assertEquals("'null' is no order number.", assertThrows(IllegalArgumentException.class,
                () -> OrderTransitions.ids(Arrays.asList(1L, null))).getMessage());
        List<Long> many = new ArrayList<>(LongStream.rangeClosed(1, 1001).boxed().toList());
        assertEquals("At most 1000 orders at once (1001 chosen).", assertThrows(IllegalArgumentException.class,
                () -> OrderTransitions.ids(many)).getMessage());
    }

    @Test
    void onlyUnpaidOrdersWithAHandlerArePaid() {
        Map<Long, Order> found = Map.of(1L, order(1, OrderStatus.UNPAID, "a"), 2L, order(2, OrderStatus.PAID, "a"),
                3L, order(3, OrderStatus.CANCELLED, "a"), 4L, order(4, OrderStatus.UNPAID, "b"),
                5L, order(5, OrderStatus.PAID, "a"));
        OrderTransitions.checkPayable(List.of(1L), found, Set.of("a"));
        assertEquals("Nothing was marked paid: orders 2, 5 are already paid and order 3 is cancelled; only unpaid"
                + " orders can be marked paid.", assertThrows(IllegalArgumentException.class,
                        () -> OrderTransitions.checkPayable(List.of(1L, 2L, 3L, 5L), found, Set.of("a"))).getMessage());
        assertEquals("Nothing was marked paid: no installed feature completes orders for 'b' (order 4); install the"
                + " feature that created them first.", assertThrows(IllegalArgumentException.class,
                        () -> OrderTransitions.checkPayable(List.of(1L, 4L), found, Set.of("a"))).getMessage());
        assertEquals("Nothing was cancelled: there is no order 9.", assertThrows(IllegalArgumentException.class,
                () -> OrderTransitions.checkCancellable(List.of(1L, 9L), found)).getMessage());
        OrderTransitions.checkCancellable(List.of(1L, 4L), found);
    }

    @Test
    void longListsAreShortened() {
        assertEquals("orders 1, 2, 3, 4, 5 and 2 more", OrderTransitions.list(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L)));
        assertEquals("order 8", OrderTransitions.list(Collections.singletonList(8L)));
    }
}
