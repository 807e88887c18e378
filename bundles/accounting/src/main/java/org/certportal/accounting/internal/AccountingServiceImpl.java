package org.certportal.accounting.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.certportal.accounting.api.AccountingPermissions;
import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.BatchTotals;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderPaidHandler;
import org.certportal.accounting.api.OrderRequest;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.DataSources;
import org.certportal.persistence.api.JdbcStatements;
import org.certportal.persistence.api.JdbcTransactions;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.security.api.Caller;
import org.certportal.security.api.SecurityService;
import org.certportal.settings.api.SettingsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = AccountingService.class)
public class AccountingServiceImpl implements AccountingService {
    static final String BATCH_AUDIT = "accounting_batch";
    static final String ORDER_AUDIT = "accounting_order";
    static final List<String> CSV_HEADER = List.of("order", "contact_id", "contact_name", "purpose", "reference",
            "description", "amount", "currency", "status", "created_at", "paid_on");
    private static final Logger LOG = LoggerFactory.getLogger(AccountingServiceImpl.class);
    private static final Map<String, String> BATCH_SORT = Map.of("name", "name_key", "status", "status", "createdAt",
            "created_at", "id", "id");
    private static final Map<String, String> ORDER_SORT = Map.of("id", "id", "amount", "amount", "status", "status",
            "createdAt", "created_at", "reference", "reference", "currency", "currency");

    private final DataSource ds;
    private final SecurityService security;
    private final AuditLog audit;
    private final ContactService contacts;
    private final SettingsService settings;
    private final Clock clock;
    private final List<OrderPaidHandler> handlers = new CopyOnWriteArrayList<>();

    @Activate
    public AccountingServiceImpl(@Reference(target = DataSources.TARGET) DataSource ds,
            @Reference SecurityService security, @Reference AuditLog audit, @Reference ContactService contacts,
            @Reference SettingsService settings, @Reference AccountingSchema schema) {
        this(ds, security, audit, contacts, settings, Clock.systemUTC());
    }

    /** With the clock of the tests. */
    AccountingServiceImpl(DataSource ds, SecurityService security, AuditLog audit, ContactService contacts,
            SettingsService settings, Clock clock) {
        this.ds = ds;
        this.security = security;
        this.audit = audit;
        this.contacts = contacts;
        this.settings = settings;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeHandler")
    void addHandler(OrderPaidHandler handler) {
        handlers.add(handler);
    }

    void removeHandler(OrderPaidHandler handler) {
        handlers.remove(handler);
    }

    /** The handler of each purpose now; the first registered wins when two claim one purpose. */
    private Map<String, OrderPaidHandler> handlersByPurpose() {
        Map<String, OrderPaidHandler> byPurpose = new HashMap<>();
        for (OrderPaidHandler h : handlers) {
            OrderPaidHandler first = byPurpose.putIfAbsent(h.purpose(), h);
            if (first != null) {
                LOG.warn("Two handlers complete orders for '{}': {} is used, {} ignored", h.purpose(), first, h);
            }
        }
        return byPurpose;
    }

    @Override
    public Batch createBatch(String name) {
        Caller caller = security.require(AccountingPermissions.MANAGE);
        String checked = BatchNames.check(name);
        return JdbcTransactions.required(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM accounting_batch WHERE name_key = ?")) {
                ps.setString(1, BatchNames.key(checked));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalArgumentException("A batch named '" + rs.getString(1)
                                + "' exists already: choose another name.");
                    }
                }
            }
            Batch b = new Batch(Ids.next(c), checked, BatchStatus.OPEN, caller.userName(), clock.instant());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounting_batch (id, name, name_key, status,"
                    + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, b.id());
                ps.setString(2, b.name());
                ps.setString(3, BatchNames.key(b.name()));
                ps.setString(4, b.status().name());
                ps.setString(5, b.createdBy());
                ps.setTimestamp(6, Timestamp.from(b.createdAt()));
                ps.executeUpdate();
            }
            audit.record(c, BATCH_AUDIT, b.id(), "created", Changes.of().field("name", null, b.name()));
            return b;
        });
    }

    @Override
    public Page<Batch> batches(BatchStatus statusOrNull, String namePrefixOrNull, PageRequest page) {
        security.require(AccountingPermissions.READ);
        String orderBy = orderBy(page, BATCH_SORT, "created_at DESC, id DESC");
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (statusOrNull != null) {
            where.append(" AND status = ?");
            params.add(statusOrNull.name());
        }
        if (namePrefixOrNull != null && !namePrefixOrNull.isBlank()) {
            where.append(" AND name_key LIKE ? ESCAPE '\\'");
            params.add(JdbcStatements.startsWith(BatchNames.key(namePrefixOrNull.strip())));
        }
        return JdbcTransactions.required(ds, c -> {
            // counted up to the cap: a list of a million rows is not counted for a page of fifty
            long total = count(c, JdbcStatements.countUpTo("SELECT id FROM accounting_batch" + where), params);
            List<Batch> items = new ArrayList<>();
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(page.limit());
            pageParams.add(page.offset());
            try (PreparedStatement ps = JdbcStatements.prepare(c, OrderRows.BATCH_COLUMNS + where + " ORDER BY "
                    + orderBy + " LIMIT ? OFFSET ?", pageParams); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(OrderRows.batch(rs));
                }
            }
            return Page.countedUpTo(items, total);
        });
    }

    @Override
    public Optional<Batch> findBatch(long id) {
        security.require(AccountingPermissions.READ);
        return JdbcTransactions.required(ds, c -> OrderRows.findBatch(c, id));
    }

    @Override
    public Batch closeBatch(long id) {
        security.require(AccountingPermissions.MANAGE);
        return JdbcTransactions.required(ds, c -> {
            Batch b = existing(c, id);
            if (b.status() == BatchStatus.CLOSED) {
                throw new IllegalArgumentException("The batch '" + b.name() + "' is closed already.");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounting_batch SET status = ?, closed_at = ?"
                    + " WHERE id = ? AND status = ?")) {
                ps.setString(1, BatchStatus.CLOSED.name());
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setLong(3, id);
                ps.setString(4, BatchStatus.OPEN.name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalArgumentException("The batch '" + b.name() + "' is closed already.");
                }
            }
            audit.record(c, BATCH_AUDIT, id, "closed", Changes.of().field("status", BatchStatus.OPEN.title(),
                    BatchStatus.CLOSED.title()));
            return new Batch(b.id(), b.name(), BatchStatus.CLOSED, b.createdBy(), b.createdAt());
        });
    }

    @Override
    public BatchTotals totals(long batchId) {
        security.require(AccountingPermissions.READ);
        return JdbcTransactions.required(ds, c -> {
            existing(c, batchId);
            List<Totals.Group> groups = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, currency, COUNT(*), SUM(amount)"
                    + " FROM accounting_order WHERE batch_id = ? GROUP BY status, currency")) {
                ps.setLong(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.add(new Totals.Group(OrderStatus.valueOf(rs.getString(1)), rs.getString(2),
                                rs.getLong(3), rs.getBigDecimal(4).setScale(2)));
                    }
                }
            }
            return Totals.of(batchId, groups);
        });
    }

    @Override
    public Map<Long, BatchTotals> totals(Collection<Long> batchIds) {
        security.require(AccountingPermissions.READ);
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(batchIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        if (ids.size() > PageRequest.MAX_LIMIT) {
            throw new IllegalArgumentException("At most " + PageRequest.MAX_LIMIT + " batches at once.");
        }
        return JdbcTransactions.required(ds, c -> {
            Map<Long, List<Totals.Group>> groups = new LinkedHashMap<>();
            try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT id FROM accounting_batch WHERE id IN "
                    + JdbcStatements.placeholders(ids.size()), ids); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getLong(1), new ArrayList<>());
                }
            }
            try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT batch_id, status, currency, COUNT(*),"
                    + " SUM(amount) FROM accounting_order WHERE batch_id IN " + JdbcStatements.placeholders(ids.size())
                    + " GROUP BY batch_id, status, currency", ids); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.get(rs.getLong(1)).add(new Totals.Group(OrderStatus.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getLong(4), rs.getBigDecimal(5).setScale(2)));
                }
            }
            Map<Long, BatchTotals> totals = new LinkedHashMap<>();
            groups.forEach((id, g) -> totals.put(id, Totals.of(id, g)));
            return totals;
        });
    }

    @Override
    public long createOrder(Connection connection, OrderRequest request) {
        return createOrders(connection, List.of(request)).get(0);
    }

    @Override
    public List<Long> createOrders(Connection connection, List<OrderRequest> requests) {
        if (requests == null || requests.isEmpty()) {
            return List.of();
        }
        List<OrderRequest> checked = requests.stream().map(OrderChecks::check).toList();
        String by = security.currentCaller().map(Caller::userName).orElse("system");
        Timestamp now = Timestamp.from(clock.instant());
        try {
            Set<Long> batchIds = new LinkedHashSet<>(checked.stream().map(OrderRequest::batchId).toList());
            for (long batchId : batchIds) {
                Batch b = existing(connection, batchId);
                if (b.status() != BatchStatus.OPEN) {
                    throw new IllegalArgumentException("The batch '" + b.name() + "' is closed: it takes no new"
                            + " orders; choose an open batch or create one.");
                }
            }
            refuseSecondOrders(connection, checked);
            List<Long> ids = Ids.next(connection, checked.size());
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO accounting_order (id, batch_id,"
                    + " contact_id, purpose, reference, description, amount, currency, status, created_by, created_at,"
                    + " live_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < checked.size(); i++) {
                    OrderRequest r = checked.get(i);
                    ps.setLong(1, ids.get(i));
                    ps.setLong(2, r.batchId());
                    ps.setLong(3, r.contactId());
                    ps.setString(4, r.purpose());
                    ps.setString(5, r.reference());
                    ps.setString(6, r.description());
                    ps.setBigDecimal(7, r.amount());
                    ps.setString(8, r.currency());
                    ps.setString(9, OrderStatus.UNPAID.name());
                    ps.setString(10, by);
                    ps.setTimestamp(11, now);
                    ps.setString(12, liveKey(r));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (ids.size() == 1) {
                OrderRequest r = checked.get(0);
                audit.record(connection, ORDER_AUDIT, ids.get(0), "created", Changes.of()
                        .field("batch", null, r.batchId()).field("contact", null, r.contactId())
                        .field("purpose", null, r.purpose()).field("reference", null, r.reference())
                        .field("amount", null, r.amount().toPlainString() + " " + r.currency()));
            } else {
                // a bulk of orders is one entry, like a bulk enrolment: ids from first to last, per batch
                for (long batchId : batchIds) {
                    List<Long> inBatch = new ArrayList<>();
                    for (int i = 0; i < checked.size(); i++) {
                        if (checked.get(i).batchId() == batchId) {
                            inBatch.add(ids.get(i));
                        }
                    }
                    audit.record(connection, ORDER_AUDIT, "batch " + batchId, "created " + inBatch.size(),
                            Changes.of().field("orders", null, inBatch.size()).field("first", null, inBatch.get(0))
                                    .field("last", null, inBatch.get(inBatch.size() - 1)));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("The database failed: " + e.getMessage(), e);
        }
    }

    /** One live order per purpose and reference: within the request and against the stored ones. */
    private static void refuseSecondOrders(Connection c, List<OrderRequest> requests) throws SQLException {
        Map<String, OrderRequest> byKey = new LinkedHashMap<>();
        for (OrderRequest r : requests) {
            if (byKey.putIfAbsent(liveKey(r), r) != null) {
                throw new IllegalArgumentException("Two orders for " + r.purpose() + " '" + r.reference()
                        + "' in one request: one order per thing to pay for.");
            }
        }
        List<String> keys = new ArrayList<>(byKey.keySet());
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + 500));
            // one array parameter, not an IN list: PostgreSQL kept the IN list's first generic plan, a scan of the
            // whole table (empty when the plan was made), 53 ms a chunk of 500 orders at 25,000 (pg_stat_statements)
            try (PreparedStatement ps = JdbcStatements.prepare(c, "SELECT id, purpose, reference, status FROM"
                    + " accounting_order WHERE live_key = ANY(?) ORDER BY id", List.of((Object) part.toArray(
                            String[]::new))); ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new IllegalArgumentException(rs.getString(2) + " '" + rs.getString(3) + "' has an order"
                            + " already (order " + rs.getLong(1) + ", " + OrderStatus.valueOf(rs.getString(4)).title()
                            .toLowerCase(Locale.ROOT) + "): cancel it before ordering again.");
                }
            }
        }
    }

    private static String liveKey(OrderRequest r) {
        return r.purpose() + ":" + r.reference();
    }

    @Override
    public List<Order> ordersFor(String purpose, Collection<String> references) {
        security.require(AccountingPermissions.READ);
        if (purpose == null || purpose.isBlank() || references == null || references.isEmpty()) {
            return List.of();
        }
        List<String> refs = new ArrayList<>(new LinkedHashSet<>(references));
        List<Order> found = JdbcTransactions.required(ds, c -> {
            List<Order> orders = new ArrayList<>();
            for (int from = 0; from < refs.size(); from += 500) {
                List<Object> params = new ArrayList<>();
                params.add(purpose.strip());
                List<String> part = refs.subList(from, Math.min(refs.size(), from + 500));
                params.addAll(part);
                try (PreparedStatement ps = JdbcStatements.prepare(c, OrderRows.ORDER_COLUMNS + " WHERE purpose = ?"
                        + " AND reference IN " + JdbcStatements.placeholders(part.size()) + " ORDER BY id", params);
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        orders.add(OrderRows.order(rs));
                    }
                }
            }
            orders.sort(Comparator.comparingLong(Order::id));
            return orders;
        });
        return named(found);
    }

    @Override
    public Page<Order> orders(long batchIdOrZeroForAll, OrderStatus statusOrNull, PageRequest page) {
        security.require(AccountingPermissions.READ);
        String orderBy = orderBy(page, ORDER_SORT, "id");
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (batchIdOrZeroForAll != 0) {
            where.append(" AND batch_id = ?");
            params.add(batchIdOrZeroForAll);
        }
        if (statusOrNull != null) {
            where.append(" AND status = ?");
            params.add(statusOrNull.name());
        }
        Page<Order> stored = JdbcTransactions.required(ds, c -> {
            // counted up to the cap: a list of a million rows is not counted for a page of fifty
            long total = count(c, JdbcStatements.countUpTo("SELECT id FROM accounting_order" + where), params);
            List<Order> items = new ArrayList<>();
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(page.limit());
            pageParams.add(page.offset());
            try (PreparedStatement ps = JdbcStatements.prepare(c, OrderRows.ORDER_COLUMNS + where + " ORDER BY "
                    + orderBy + " LIMIT ? OFFSET ?", pageParams); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(OrderRows.order(rs));
                }
            }
            return Page.countedUpTo(items, total);
        });
        return new Page<>(named(stored.items()), stored.total(), stored.more());
    }

    @Override
    public int markPaid(Collection<Long> orderIds, LocalDate paidOn) {
        Caller caller = security.require(AccountingPermissions.MANAGE);
        List<Long> ids = OrderTransitions.ids(orderIds);
        LocalDate today = LocalDate.now(clock.withZone(settings.current().timeZone()));
        LocalDate day = paidOn == null ? today : paidOn;
        if (day.isAfter(today)) {
            throw new IllegalArgumentException("A payment cannot be received in the future: " + day + " is after today ("
                    + today + ").");
        }
        Map<String, OrderPaidHandler> byPurpose = handlersByPurpose();
        Instant now = clock.instant();
        return JdbcTransactions.required(ds, c -> {
            Map<Long, Order> found = OrderRows.find(c, ids, true);
            OrderTransitions.checkPayable(ids, found, byPurpose.keySet());
            Map<Long, String> names = names(found.values().stream().map(Order::contactId).toList());
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounting_order SET status = ?, paid_on = ?,"
                    + " paid_at = ?, paid_by = ? WHERE id = ? AND status = ?")) {
                for (long id : ids) {
                    ps.setString(1, OrderStatus.PAID.name());
                    ps.setDate(2, Date.valueOf(day));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setString(4, caller.userName());
                    ps.setLong(5, id);
                    ps.setString(6, OrderStatus.UNPAID.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (long id : ids) {
                Order o = found.get(id);
                audit.record(c, ORDER_AUDIT, id, "paid", Changes.of()
                        .field("status", OrderStatus.UNPAID.title(), OrderStatus.PAID.title())
                        .field("paidOn", null, day));
                Order paid = OrderRows.paid(OrderRows.named(o, names.getOrDefault(o.contactId(), o.contactName())), now);
                byPurpose.get(o.purpose()).paid(c, paid, day);
            }
            return ids.size();
        });
    }

    @Override
    public int cancel(Collection<Long> orderIds, String reason) {
        security.require(AccountingPermissions.MANAGE);
        List<Long> ids = OrderTransitions.ids(orderIds);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the orders are cancelled.");
        }
        String why = reason.strip();
        if (why.length() > 500) {
            throw new IllegalArgumentException("A reason may have at most 500 characters.");
        }
        Instant now = clock.instant();
        return JdbcTransactions.required(ds, c -> {
            Map<Long, Order> found = OrderRows.find(c, ids, true);
            OrderTransitions.checkCancellable(ids, found);
            // a cancelled order no longer holds its purpose and reference: another may be created for them
            try (PreparedStatement ps = c.prepareStatement("UPDATE accounting_order SET status = ?, cancelled_at = ?,"
                    + " cancel_reason = ?, live_key = NULL WHERE id = ? AND status = ?")) {
                for (long id : ids) {
                    ps.setString(1, OrderStatus.CANCELLED.name());
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setString(3, why);
                    ps.setLong(4, id);
                    ps.setString(5, OrderStatus.UNPAID.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, OrderPaidHandler> byPurpose = handlersByPurpose();
            for (long id : ids) {
                audit.record(c, ORDER_AUDIT, id, "cancelled", Changes.of()
                        .field("status", OrderStatus.UNPAID.title(), OrderStatus.CANCELLED.title())
                        .field("reason", null, why));
                Order o = found.get(id);
                OrderPaidHandler handler = byPurpose.get(o.purpose());
                // no handler (its area is not installed): that area sees the cancelled order when it comes back
                if (handler != null) {
                    handler.cancelled(c, OrderRows.cancelled(o), why);
                }
            }
            return ids.size();
        });
    }

    @Override
    public void exportBatch(long batchId, Writer out) {
        security.require(AccountingPermissions.READ);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER.toArray(String[]::new)).build();
        JdbcTransactions.required(ds, c -> {
            existing(c, batchId);
            try (PreparedStatement ps = c.prepareStatement(OrderRows.ORDER_COLUMNS + " WHERE batch_id = ? ORDER BY id")) {
                ps.setLong(1, batchId);
                ps.setFetchSize(500);
                CSVPrinter csv = new CSVPrinter(out, format);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Order> part = new ArrayList<>();
                    List<LocalDate> paidOn = new ArrayList<>();
                    while (rs.next()) {
                        part.add(OrderRows.order(rs));
                        paidOn.add(OrderRows.paidOn(rs));
                        if (part.size() == 500) {
                            print(csv, part, paidOn);
                        }
                    }
                    print(csv, part, paidOn);
                }
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("The export could not be written: " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** Writes the rows with their contacts' names (one lookup per part) and empties the lists. */
    private void print(CSVPrinter csv, List<Order> part, List<LocalDate> paidOn) throws IOException {
        Map<Long, String> names = names(part.stream().map(Order::contactId).toList());
        for (int i = 0; i < part.size(); i++) {
            Order o = part.get(i);
            csv.printRecord(o.id(), o.contactId(), names.getOrDefault(o.contactId(), o.contactName()), o.purpose(),
                    o.reference(), o.description(), o.amount().toPlainString(), o.currency(), o.status().title(),
                    o.createdAt(), paidOn.get(i));
        }
        part.clear();
        paidOn.clear();
    }

    private List<Order> named(List<Order> orders) {
        Map<Long, String> names = names(orders.stream().map(Order::contactId).toList());
        return orders.stream().map(o -> OrderRows.named(o, names.getOrDefault(o.contactId(), o.contactName())))
                .toList();
    }

    /** The contacts' names, "given family", in one lookup through the contacts API. */
    private Map<Long, String> names(Collection<Long> contactIds) {
        Map<Long, String> names = new HashMap<>();
        if (contactIds.isEmpty()) {
            return names;
        }
        for (Contact ct : contacts.findAll(new LinkedHashSet<>(contactIds)).values()) {
            names.put(ct.id(), (ct.givenName() == null ? "" : ct.givenName() + " ") + ct.familyName());
        }
        return names;
    }

    private static Batch existing(Connection c, long batchId) throws SQLException {
        return OrderRows.findBatch(c, batchId).orElseThrow(() -> new IllegalArgumentException("There is no batch "
                + batchId + "."));
    }

    private static String orderBy(PageRequest page, Map<String, String> allowed, String byDefault) {
        if (page.sortBy() == null) {
            return byDefault;
        }
        String column = allowed.get(page.sortBy());
        if (column == null) {
            throw new IllegalArgumentException("This list cannot be sorted by '" + page.sortBy() + "' (only by "
                    + String.join(", ", allowed.keySet().stream().sorted().toList()) + ").");
        }
        String direction = page.ascending() ? " ASC" : " DESC";
        // ties in id order, so pages never overlap
        return column.equals("id") ? column + direction : column + direction + ", id" + direction;
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = JdbcStatements.prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** For the view's and shell's wording: "USD 150.00, EUR 20.00". */
    static String amounts(Map<String, BigDecimal> byCurrency) {
        return Totals.describe(byCurrency);
    }
}
