package org.certportal.accounting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderPaidHandler;
import org.certportal.accounting.api.OrderRequest;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Batches, orders in the caller's transaction, payment through the handlers, on H2 and PostgreSQL. */
class AccountingServiceIT {
    static final String PURPOSE = "test.certification";
    /** Today in the organisation's time zone (Auckland) while it is still the 15th in UTC. */
    static final LocalDate TODAY = LocalDate.of(2026, 7, 16);

    private AccountingPortal portal;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private AccountingPortal start(String db) throws SQLException {
        portal = new AccountingPortal(db);
        portal.contact(1, "Ada", "Lovelace");
        portal.contact(2, "Pat", "O'Brien, Jr");
        return portal;
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    private static OrderRequest fee(long contactId, String reference, String amount, String currency, long batchId) {
        return new OrderRequest(contactId, PURPOSE, reference, "Certified Widget Inspector",
                amount == null ? null : new BigDecimal(amount), currency, batchId);
    }

    /** Creates orders in one committed transaction of "another area". */
    private List<Long> orders(OrderRequest... requests) throws SQLException {
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            List<Long> ids = portal.service.createOrders(c, List.of(requests));
            c.commit();
            return ids;
        }
    }

    private OrderStatus status(long orderId) throws SQLException {
        return OrderStatus.valueOf(portal.text("SELECT status FROM accounting_order WHERE id = " + orderId));
    }

    /** Remembers what it was given and what the order looked like on the payment's own connection. */
    static final class RecordingHandler implements OrderPaidHandler {
        final List<Order> paid = new ArrayList<>();
        final List<String> statusSeen = new ArrayList<>();
        final List<LocalDate> days = new ArrayList<>();

        @Override
        public String purpose() {
            return PURPOSE;
        }

        @Override
        public void paid(Connection connection, Order order, LocalDate paidOn) throws SQLException {
            paid.add(order);
            days.add(paidOn);
            try (PreparedStatement ps = connection.prepareStatement("SELECT status FROM accounting_order WHERE id = ?")) {
                ps.setLong(1, order.id());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    statusSeen.add(rs.getString(1));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchPastTheCountCapSaysMoreThan(String db) throws Exception {
        start(db);
        Batch big = portal.service.createBatch("Big batch");
        Batch small = portal.service.createBatch("Small batch");
        orders(java.util.stream.IntStream.rangeClosed(0, Page.COUNT_CAP)
                .mapToObj(i -> fee(1, "R-" + i, "10.00", "USD", big.id())).toArray(OrderRequest[]::new));
        orders(fee(2, "S-1", "5.00", "USD", small.id()));
        Page<Order> all = portal.service.orders(big.id(), null, PageRequest.first(50));
        assertTrue(all.more());
        assertEquals("more than 10,000 orders", all.totalText("order", "orders"));
        assertEquals(50, all.items().size());
        assertEquals("1 order", portal.service.orders(small.id(), null, PageRequest.first(50))
                .totalText("order", "orders"), "below the cap: exact");
        assertEquals(2, portal.service.batches(null, null, PageRequest.first(10)).total());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void batchesHaveUniqueNamesArePagedFilteredAndClosed(String db) throws Exception {
        start(db);
        Batch june = portal.service.createBatch("  June 2026 fees ");
        assertEquals("June 2026 fees", june.name());
        assertEquals(BatchStatus.OPEN, june.status());
        assertEquals("certmanager-user", june.createdBy());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> portal.service.createBatch("JUNE 2026 FEES"));
        assertEquals("A batch named 'June 2026 fees' exists already: choose another name.", taken.getMessage());
        assertThrows(IllegalArgumentException.class, () -> portal.service.createBatch(" "));
        Batch july = portal.service.createBatch("July 2026 fees");
        portal.service.createBatch("100% paid");

        Page<Batch> ju = portal.service.batches(null, "ju", PageRequest.first(1).sortedBy("name", true));
        assertEquals(2, ju.total());
        assertEquals(List.of("July 2026 fees"), ju.items().stream().map(Batch::name).toList());
        assertEquals(1, portal.service.batches(null, "100%", PageRequest.first(10)).total());
        assertEquals(0, portal.service.batches(null, "1%", PageRequest.first(10)).total(), "% is taken literally");

        Batch closed = portal.service.closeBatch(july.id());
        assertEquals(BatchStatus.CLOSED, closed.status());
        assertEquals(BatchStatus.CLOSED, portal.service.findBatch(july.id()).orElseThrow().status());
        assertEquals(List.of(july.id()), portal.service.batches(BatchStatus.CLOSED, null, PageRequest.first(10))
                .items().stream().map(Batch::id).toList());
        assertEquals("The batch 'July 2026 fees' is closed already.",
                assertThrows(IllegalArgumentException.class, () -> portal.service.closeBatch(july.id())).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> portal.service.batches(null, null, PageRequest.first(10).sortedBy("createdBy", true)));
        assertEquals(2, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'accounting_batch'"
                + " AND entity_id = '" + july.id() + "'"), "created and closed, audited");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOrderIsWrittenInTheCallersTransactionAndGoesWithItsRollback(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            long id = portal.service.createOrder(c, fee(1, "enrollment 7", "150", "usd", batch));
            assertFalse(c.isClosed(), "the caller's connection stays open");
            assertEquals(0, portal.count("SELECT COUNT(*) FROM accounting_order"), "not committed by createOrder");
            c.rollback();
            assertEquals(0, portal.count("SELECT COUNT(*) FROM accounting_order WHERE id = " + id));
            assertEquals(0, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'accounting_order'"),
                    "no entry for a rolled-back order");

            long kept = portal.service.createOrder(c, fee(1, "enrollment 7", "150", "usd", batch));
            c.commit();
            Order o = portal.service.orders(batch, null, PageRequest.first(10)).items().get(0);
            assertEquals(kept, o.id());
            assertEquals("Ada Lovelace", o.contactName());
            assertEquals(new BigDecimal("150.00"), o.amount());
            assertEquals("USD", o.currency());
            assertEquals(OrderStatus.UNPAID, o.status());
            assertNull(o.paidAt());
            assertEquals(1, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'accounting_order'"
                    + " AND entity_id = '" + kept + "' AND action = 'created'"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badOrdersAreRefusedBeforeAnythingIsWritten(String db) throws Exception {
        start(db);
        long open = portal.service.createBatch("Open").id();
        long closed = portal.service.createBatch("Closed").id();
        portal.service.closeBatch(closed);
        Map<OrderRequest, String> refusals = Map.of(
                fee(1, "e1", "-0.01", "USD", open), "An order's amount must not be negative: -0.01.",
                fee(1, "e1", "10", "XYZ", open), "'XYZ' is no currency code (ISO 4217, such as USD, EUR, CAD).",
                fee(1, "e1", "10.005", "USD", open), "An amount in USD may have at most 2 decimals: 10.005.",
                fee(1, "e1", "10.5", "JPY", open), "An amount in JPY may have at most 0 decimals: 10.5.",
                fee(1, "e1", "10", "USD", closed), "The batch 'Closed' is closed: it takes no new orders; choose an"
                        + " open batch or create one.",
                fee(1, "e1", "10", "USD", 999_999), "There is no batch 999999.",
                fee(1, " ", "10", "USD", open), "An order needs its reference.");
        for (Map.Entry<OrderRequest, String> r : refusals.entrySet()) {
            try (Connection c = portal.ds.getConnection()) {
                c.setAutoCommit(false);
                // the good first request of the list is not written either
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> portal.service.createOrders(c, List.of(fee(2, "ok", "1", "USD", open), r.getKey())));
                assertEquals(r.getValue(), e.getMessage());
                c.commit();
            }
        }
        assertEquals(0, portal.count("SELECT COUNT(*) FROM accounting_order"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneLiveOrderPerPurposeAndReference(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        long first = orders(fee(1, "enrollment 7", "100", "USD", batch)).get(0);
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals("test.certification 'enrollment 7' has an order already (order " + first + ", unpaid): cancel"
                    + " it before ordering again.", assertThrows(IllegalArgumentException.class,
                            () -> portal.service.createOrders(c, List.of(fee(2, "enrollment 8", "1", "USD", batch),
                                    fee(1, "enrollment 7", "100", "USD", batch)))).getMessage());
            assertEquals("Two orders for test.certification 'enrollment 9' in one request: one order per thing to pay"
                    + " for.", assertThrows(IllegalArgumentException.class, () -> portal.service.createOrders(c,
                            List.of(fee(2, "enrollment 9", "1", "USD", batch), fee(2, "enrollment 9", "1", "USD",
                                    batch)))).getMessage());
            c.rollback();
        }
        assertEquals(1, portal.count("SELECT COUNT(*) FROM accounting_order"));
        // another purpose may order for the same reference; a cancelled order frees its reference
        orders(new OrderRequest(1, "other.fee", "enrollment 7", null, BigDecimal.ONE, "USD", batch));
        portal.service.cancel(List.of(first), "Ordered twice by mistake");
        long second = orders(fee(1, "enrollment 7", "90", "USD", batch)).get(0);
        assertEquals(List.of(first, second), portal.service.ordersFor(PURPOSE, List.of("enrollment 7", "nothing"))
                .stream().map(Order::id).toList());
        assertEquals(List.of(OrderStatus.CANCELLED, OrderStatus.UNPAID), portal.service.ordersFor(PURPOSE,
                List.of("enrollment 7")).stream().map(Order::status).toList());
        assertEquals("Ada Lovelace", portal.service.ordersFor(PURPOSE, List.of("enrollment 7")).get(1).contactName());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void totalsCountByStatusAndSumPerCurrencyWithoutCancelledOrders(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        List<Long> ids = orders(fee(1, "e1", "100", "USD", batch), fee(2, "e2", "50.5", "USD", batch),
                fee(1, "e3", "20", "EUR", batch), fee(2, "e4", "0", "USD", batch));
        assertEquals(4, ids.stream().distinct().count());
        assertEquals(1, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'accounting_order'"
                + " AND action = 'created 4'"), "a bulk of orders is one audit entry");
        RecordingHandler handler = new RecordingHandler();
        portal.service.addHandler(handler);
        portal.service.markPaid(List.of(ids.get(0)), LocalDate.of(2026, 7, 1));
        portal.service.cancel(List.of(ids.get(2)), "Paid at the desk in cash, twice");

        BatchTotals t = portal.service.totals(batch);
        assertEquals(4, t.orders());
        assertEquals(2, t.unpaid());
        assertEquals(1, t.paid());
        assertEquals(1, t.cancelled());
        assertEquals(Map.of("USD", new BigDecimal("150.50")), t.amountByCurrency());
        assertEquals(Map.of("USD", new BigDecimal("100.00")), t.paidByCurrency());
        long empty = portal.service.createBatch("July").id();
        Map<Long, BatchTotals> many = portal.service.totals(List.of(batch, empty, 999_999L));
        assertEquals(List.of(batch, empty), List.copyOf(many.keySet()), "unknown batches are left out");
        assertEquals(t, many.get(batch));
        assertEquals(0, many.get(empty).orders());
        assertEquals(List.of(ids.get(1), ids.get(3)), portal.service.orders(batch, OrderStatus.UNPAID,
                PageRequest.first(10)).items().stream().map(Order::id).toList());
        assertEquals(List.of(ids.get(3), ids.get(2)), portal.service.orders(0, null,
                PageRequest.first(2).sortedBy("amount", true)).items().stream().map(Order::id).toList());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void markingPaidRunsTheHandlerInTheSameTransaction(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        List<Long> ids = orders(fee(1, "e1", "100", "USD", batch), fee(2, "e2", "100", "USD", batch));
        RecordingHandler handler = new RecordingHandler();
        portal.service.addHandler(handler);

        assertEquals(2, portal.service.markPaid(List.of(ids.get(1), ids.get(0), ids.get(1)), null));
        assertEquals(List.of("PAID", "PAID"), handler.statusSeen, "the handler sees the payment on its connection");
        assertEquals(List.of(TODAY, TODAY), handler.days, "today in the organisation's time zone");
        assertEquals(List.of(ids.get(1), ids.get(0)), handler.paid.stream().map(Order::id).toList());
        assertEquals("Pat O'Brien, Jr", handler.paid.get(0).contactName());
        assertEquals(OrderStatus.PAID, handler.paid.get(0).status());
        assertEquals(AccountingPortal.NOW, handler.paid.get(0).paidAt());
        assertEquals(OrderStatus.PAID, status(ids.get(0)));
        assertEquals(TODAY.toString(), portal.text("SELECT paid_on FROM accounting_order WHERE id = " + ids.get(0)));
        assertEquals(2, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'accounting_order'"
                + " AND action = 'paid'"));

        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> portal.service.markPaid(List.of(ids.get(0)), TODAY));
        assertEquals("Nothing was marked paid: order " + ids.get(0) + " is already paid; only unpaid orders can be"
                + " marked paid.", again.getMessage());
        assertEquals(2, handler.paid.size(), "not called again");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoPeoplePayingOneOrderAtOnceCompleteItsStepOnce(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        long order = orders(fee(1, "e1", "100", "USD", batch)).get(0);
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger completed = new AtomicInteger();
        portal.service.addHandler(new OrderPaidHandler() {
            @Override
            public String purpose() {
                return PURPOSE;
            }

            @Override
            public void paid(Connection connection, Order o, LocalDate paidOn) {
                completed.incrementAndGet();
                inHandler.countDown();
                try {
                    assertTrue(release.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = two.submit(() -> portal.service.markPaid(List.of(order), TODAY));
            assertTrue(inHandler.await(30, TimeUnit.SECONDS));
            // the first payment holds the order's row until it commits; the second waits for it or comes after
            Future<Integer> second = two.submit(() -> portal.service.markPaid(List.of(order), TODAY));
            release.countDown();
            assertEquals(1, first.get(30, TimeUnit.SECONDS));
            ExecutionException refused = assertThrows(ExecutionException.class, () -> second.get(30, TimeUnit.SECONDS));
            assertTrue(refused.getCause() instanceof IllegalArgumentException, refused.getCause().toString());
            assertTrue(refused.getCause().getMessage().contains("is already paid"), refused.getCause().getMessage());
        } finally {
            release.countDown();
            two.shutdownNow();
        }
        assertEquals(1, completed.get(), "the step completes once");
        assertEquals(1, portal.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'paid'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aThrowingHandlerLeavesEveryOrderUnpaid(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        List<Long> ids = orders(fee(1, "e1", "100", "USD", batch), fee(2, "e2", "100", "USD", batch));
        portal.service.addHandler(new OrderPaidHandler() {
            @Override
            public String purpose() {
                return PURPOSE;
            }

            @Override
            public void paid(Connection connection, Order order, LocalDate paidOn) throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE accounting_order SET description = 'touched' WHERE id = ?")) {
                    ps.setLong(1, order.id());
                    ps.executeUpdate();
                }
                if (order.contactId() == 2) {
                    throw new IllegalArgumentException("Pat O'Brien, Jr is no longer enrolled.");
                }
            }
        });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> portal.service.markPaid(ids, TODAY));
        assertEquals("Pat O'Brien, Jr is no longer enrolled.", e.getMessage());
        assertEquals(OrderStatus.UNPAID, status(ids.get(0)), "the first order's payment went with the rollback");
        assertEquals(OrderStatus.UNPAID, status(ids.get(1)));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM accounting_order WHERE description = 'touched'"),
                "the handler's own change went too");
        assertEquals(0, portal.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'paid'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOrderNobodyCompletesOrAFutureDayIsRefused(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        List<Long> ids = orders(fee(1, "e1", "100", "USD", batch),
                new OrderRequest(2, "masscert.certification", "e2", null, new BigDecimal("5"), "USD", batch));
        portal.service.addHandler(new RecordingHandler());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> portal.service.markPaid(ids, TODAY));
        assertEquals("Nothing was marked paid: no installed feature completes orders for 'masscert.certification'"
                + " (order " + ids.get(1) + "); install the feature that created them first.", e.getMessage());
        assertEquals(OrderStatus.UNPAID, status(ids.get(0)));

        assertEquals("A payment cannot be received in the future: 2026-07-17 is after today (2026-07-16).",
                assertThrows(IllegalArgumentException.class,
                        () -> portal.service.markPaid(List.of(ids.get(0)), TODAY.plusDays(1))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> portal.service.markPaid(List.of(ids.get(0), 999_999L), TODAY)).getMessage()
                .contains("there is no order 999999"));
        assertEquals(OrderStatus.UNPAID, status(ids.get(0)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cancellingNeedsAReasonAndOnlyUnpaidOrders(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        List<Long> ids = orders(fee(1, "e1", "100", "USD", batch), fee(2, "e2", "100", "USD", batch));
        portal.service.addHandler(new RecordingHandler());
        portal.service.markPaid(List.of(ids.get(0)), TODAY);
        assertEquals("Say why the orders are cancelled.", assertThrows(IllegalArgumentException.class,
                () -> portal.service.cancel(List.of(ids.get(1)), " ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> portal.service.cancel(ids, "Withdrew"));
        assertEquals(OrderStatus.UNPAID, status(ids.get(1)), "all or nothing");
        assertEquals(1, portal.service.cancel(List.of(ids.get(1)), "Withdrew"));
        assertEquals(OrderStatus.CANCELLED, status(ids.get(1)));
        assertEquals("Withdrew", portal.text("SELECT cancel_reason FROM accounting_order WHERE id = " + ids.get(1)));
        assertThrows(IllegalArgumentException.class, () -> portal.service.markPaid(List.of(ids.get(1)), TODAY));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchExportsAsCsvWithContactNames(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        List<Long> ids = orders(fee(1, "e1", "100", "USD", batch), fee(2, "e2", "75.5", "CAD", batch),
                fee(3, "e3", "1", "USD", batch));
        portal.service.addHandler(new RecordingHandler());
        portal.service.markPaid(List.of(ids.get(1)), LocalDate.of(2026, 7, 2));
        StringWriter out = new StringWriter();
        portal.service.exportBatch(batch, out);
        String created = AccountingPortal.NOW.toString();
        assertEquals("order,contact_id,contact_name,purpose,reference,description,amount,currency,status,created_at,paid_on\r\n"
                + ids.get(0) + ",1,Ada Lovelace,test.certification,e1,Certified Widget Inspector,100.00,USD,Unpaid,"
                + created + ",\r\n"
                + ids.get(1) + ",2,\"Pat O'Brien, Jr\",test.certification,e2,Certified Widget Inspector,75.50,CAD,Paid,"
                + created + ",2026-07-02\r\n"
                + ids.get(2) + ",3,\"#3\",test.certification,e3,Certified Widget Inspector,1.00,USD,Unpaid," + created
                + ",\r\n", out.toString());
        assertThrows(IllegalArgumentException.class, () -> portal.service.exportBatch(999_999, new StringWriter()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void staffReadButOnlyManagersChange(String db) throws Exception {
        start(db);
        long batch = portal.service.createBatch("June").id();
        List<Long> ids = orders(fee(1, "e1", "100", "USD", batch));
        portal.service.addHandler(new RecordingHandler());
        portal.security.as(Role.STAFF);
        assertEquals(1, portal.service.orders(batch, null, PageRequest.first(10)).total());
        assertEquals(1, portal.service.totals(batch).orders());
        assertThrows(AccessDeniedException.class, () -> portal.service.createBatch("July"));
        assertThrows(AccessDeniedException.class, () -> portal.service.closeBatch(batch));
        assertThrows(AccessDeniedException.class, () -> portal.service.markPaid(ids, TODAY));
        assertThrows(AccessDeniedException.class, () -> portal.service.cancel(ids, "no"));
        assertEquals(OrderStatus.UNPAID, status(ids.get(0)));
        portal.security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> portal.service.batches(null, null, PageRequest.first(10)));
        assertThrows(AccessDeniedException.class, () -> portal.service.exportBatch(batch, new StringWriter()));
        portal.security.as(Role.SYSADMIN);
        assertEquals(1, portal.service.markPaid(ids, TODAY));
    }
}
