package org.certportal.accounting.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.OrderStatus;
import org.junit.jupiter.api.Test;

class ShellArgumentsTest {
    private static String refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void statusesInAnyCase() {
        assertEquals(OrderStatus.CANCELLED, ShellArguments.orderStatus("Cancelled"));
        assertEquals(BatchStatus.OPEN, ShellArguments.batchStatus(" open "));
        assertNull(ShellArguments.orderStatus(null));
        assertEquals("'due' is no order status (unpaid, paid, cancelled).",
                refusal(() -> ShellArguments.orderStatus("due")));
        assertEquals("'unpaid' is no batch status (open, closed).", refusal(() -> ShellArguments.batchStatus("unpaid")));
    }

    @Test
    void datesAreIso() {
        assertEquals(LocalDate.of(2026, 7, 1), ShellArguments.date("2026-07-01"));
        assertNull(ShellArguments.date(null));
        assertEquals("'1/7/2026' is no date: write it as yyyy-MM-dd, e.g. 2026-07-01.",
                refusal(() -> ShellArguments.date("1/7/2026")));
    }

    @Test
    void orderNumbersBySpacesOrCommas() {
        assertEquals(List.of(12L, 13L, 14L), ShellArguments.orderIds(List.of("12,13", "14")));
        assertEquals("'13x' is no order number (see accounting:orders).",
                refusal(() -> ShellArguments.orderIds(List.of("12", "13x"))));
        assertEquals("'-3' is no order number (see accounting:orders).",
                refusal(() -> ShellArguments.orderIds(List.of("-3"))));
        assertEquals("Name at least one order number (see accounting:orders).",
                refusal(() -> ShellArguments.orderIds(List.of(","))));
    }
}
