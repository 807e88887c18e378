package org.certportal.accounting.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.persistence.api.JdbcStatements;

/** Reading the area's rows: batches and orders (orders without their contact's name, which contacts give). */
final class OrderRows {
    static final String BATCH_COLUMNS = "SELECT id, name, status, created_by, created_at FROM accounting_batch";
    static final String ORDER_COLUMNS = "SELECT id, contact_id, purpose, reference, description, amount, currency,"
            + " status, batch_id, created_at, paid_at, paid_on FROM accounting_order";

    private OrderRows() {
    }

    static Batch batch(ResultSet rs) throws SQLException {
        return new Batch(rs.getLong(1), rs.getString(2), BatchStatus.valueOf(rs.getString(3)), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }

    static Optional<Batch> findBatch(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BATCH_COLUMNS + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(batch(rs)) : Optional.empty();
            }
        }
    }

    /** An order as stored, named "#contact id" until {@link #named} gives the contact's name. */
    static Order order(ResultSet rs) throws SQLException {
        Timestamp paidAt = rs.getTimestamp(11);
        return new Order(rs.getLong(1), rs.getLong(2), "#" + rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), OrderStatus.valueOf(rs.getString(8)),
                rs.getLong(9), rs.getTimestamp(10).toInstant(), paidAt == null ? null : paidAt.toInstant());
    }

    /** The day the payment was received, read beside {@link #order} (column 12). */
    static LocalDate paidOn(ResultSet rs) throws SQLException {
        Date d = rs.getDate(12);
        return d == null ? null : d.toLocalDate();
    }

    /** These orders by id, locked for the caller's transaction when {@code lock}. */
    static Map<Long, Order> find(Connection c, Collection<Long> ids, boolean lock) throws SQLException {
        Map<Long, Order> found = new LinkedHashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + 500));
            String sql = ORDER_COLUMNS + " WHERE id IN " + JdbcStatements.placeholders(part.size()) + " ORDER BY id"
                    + (lock ? " FOR UPDATE" : "");
            try (PreparedStatement ps = JdbcStatements.prepare(c, sql, part); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Order o = order(rs);
                    found.put(o.id(), o);
                }
            }
        }
        return found;
    }

    /** The same order with the contact's name. */
    static Order named(Order o, String contactName) {
        return new Order(o.id(), o.contactId(), contactName, o.purpose(), o.reference(), o.description(), o.amount(),
                o.currency(), o.status(), o.batchId(), o.createdAt(), o.paidAt());
    }

    /** The same order, paid. */
    static Order paid(Order o, Instant at) {
        return new Order(o.id(), o.contactId(), o.contactName(), o.purpose(), o.reference(), o.description(),
                o.amount(), o.currency(), OrderStatus.PAID, o.batchId(), o.createdAt(), at);
    }

    /** The same order, cancelled. */
    static Order cancelled(Order o) {
        return new Order(o.id(), o.contactId(), o.contactName(), o.purpose(), o.reference(), o.description(),
                o.amount(), o.currency(), OrderStatus.CANCELLED, o.batchId(), o.createdAt(), o.paidAt());
    }
}
