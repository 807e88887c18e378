package org.certportal.accounting.api;

import java.io.Writer;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Batches and orders. Reading demands {@link AccountingPermissions#READ}, changing
 * {@link AccountingPermissions#MANAGE}, except {@link #createOrder}, which runs inside another area's
 * already checked change. Bad input throws {@link IllegalArgumentException} with a sentence for the user
 * and changes nothing. Every change is audited in its transaction (entity types {@code accounting_batch}
 * and {@code accounting_order}).
 */
@ProviderType
public interface AccountingService {

    /** A new open batch. @throws IllegalArgumentException when the name is blank, too long (100) or taken (any case) */
    Batch createBatch(String name);

    /**
     * Batches, newest first unless sorted by {@code name}, {@code status} or {@code createdAt}; filtered in
     * the database by status and the start of the name (any case), both optional.
     */
    Page<Batch> batches(BatchStatus statusOrNull, String namePrefixOrNull, PageRequest page);

    /** One batch (READ). */
    Optional<Batch> findBatch(long id);

    /** Closes an open batch: it takes no more orders. @throws IllegalArgumentException when unknown or closed */
    Batch closeBatch(long id);

    /** The batch's orders counted and summed in the database (READ). @throws IllegalArgumentException when unknown */
    BatchTotals totals(long batchId);

    /**
     * The totals of many batches (a page of the batch list) in one read (READ); ids that name no batch are
     * left out, a batch without orders has zero totals.
     */
    Map<Long, BatchTotals> totals(Collection<Long> batchIds);

    /**
     * Creates an unpaid order on the caller's connection, in the caller's transaction: it neither commits
     * nor closes, so the order exists exactly when the caller's change does. Needs no permission of its
     * own (like {@code MailOutbox.queue}): the calling area checked its change. Audited on the connection.
     *
     * @return the order's id
     * @throws IllegalArgumentException for an unknown or closed batch, a negative amount or one with more
     *             than two decimals, an unknown currency code, a blank purpose or reference, or a purpose and
     *             reference that already have an order that is not cancelled (one live order per thing to pay
     *             for: cancel the old one first)
     */
    long createOrder(Connection connection, OrderRequest request);

    /**
     * Many orders on the caller's connection in one batch, like {@link #createOrder}; every request is
     * checked before the first is written.
     *
     * @return the ids, in the order of the requests
     */
    default List<Long> createOrders(Connection connection, List<OrderRequest> requests) {
        List<Long> ids = new ArrayList<>(requests.size());
        for (OrderRequest r : requests) {
            ids.add(createOrder(connection, r));
        }
        return ids;
    }

    /**
     * The orders of one purpose for these references, all statuses, in id order (READ): what was ordered for
     * them already, e.g. to leave out applicants who have an order.
     */
    List<Order> ordersFor(String purpose, Collection<String> references);

    /**
     * Orders of one batch (or of all, with 0), oldest first unless sorted by {@code id}, {@code contactName},
     * {@code amount}, {@code status} or {@code createdAt}; filtered in the database by status (optional).
     */
    Page<Order> orders(long batchIdOrZeroForAll, OrderStatus statusOrNull, PageRequest page);

    /**
     * Marks unpaid orders paid on a day, all or nothing in one transaction: each order's
     * {@link OrderPaidHandler} runs on that transaction's connection. Refused as a whole (nothing changes)
     * when an id is unknown, an order is already paid or cancelled, its purpose has no handler registered,
     * or the day is in the future; a handler's refusal rolls everything back with its message.
     *
     * @param paidOn the day the payment was received; null for today
     * @return how many orders were marked paid
     */
    int markPaid(Collection<Long> orderIds, LocalDate paidOn);

    /**
     * Cancels unpaid orders with a reason (audited), all or nothing.
     *
     * @return how many orders were cancelled
     * @throws IllegalArgumentException when the reason is blank, an id unknown or an order not unpaid
     */
    int cancel(Collection<Long> orderIds, String reason);

    /**
     * Writes the batch's orders as CSV (RFC 4180, header first, oldest first), streamed from the
     * database (READ): id, contact_id, contact_name, purpose, reference, description, amount, currency,
     * status, created_at, paid_on.
     */
    void exportBatch(long batchId, Writer out);
}
