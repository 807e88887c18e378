package org.certportal.accounting.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.junit.jupiter.api.Test;

class UnpaidOrdersCardTest {
    @Test
    void countsTheUnpaidOrdersOfEveryBatchInOneSmallQuery() {
        List<Object[]> calls = new ArrayList<>();
        AccountingService accounting = (AccountingService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { AccountingService.class }, (proxy, method, args) -> {
                    assertEquals("orders", method.getName());
                    calls.add(args);
                    return new Page<>(List.of(), 12);
                });
        assertEquals(12, new UnpaidOrdersCard(accounting).value());
        assertEquals(1, calls.size());
        assertEquals(0L, calls.get(0)[0], "every batch");
        assertEquals(OrderStatus.UNPAID, calls.get(0)[1]);
        assertEquals(PageRequest.first(1), calls.get(0)[2]);
    }
}
