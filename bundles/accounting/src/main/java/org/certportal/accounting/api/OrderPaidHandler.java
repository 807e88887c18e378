package org.certportal.accounting.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Completes the step an order was waiting for once it is paid (whiteboard: register one per purpose as
 * an OSGi service). {@link AccountingService#markPaid} calls it for each order of its
 * {@link #purpose()}, on markPaid's connection inside markPaid's transaction, after the order is marked
 * paid: what it changes commits with the payment or not at all. Orders whose purpose has no handler
 * registered are refused by markPaid. Cancelling an order tells its purpose's handler too
 * ({@link #cancelled}).
 */
@ConsumerType
public interface OrderPaidHandler {

    /** The {@link OrderRequest#purpose()} this handler completes, e.g. {@code masscert.certification}. */
    String purpose();

    /**
     * Completes the order's step (e.g. the enrollment becomes Active, the confirmation email is queued).
     * Must neither commit, roll back nor close the connection. Throwing rolls back the whole markPaid; an
     * {@link IllegalArgumentException}'s or {@link IllegalStateException}'s message reaches the user.
     */
    void paid(Connection connection, Order order, LocalDate paidOn) throws SQLException;

    /**
     * The order was cancelled (called by {@link AccountingService#cancel}, on its connection inside its
     * transaction, after the order is marked cancelled): the step no longer waits for this order (e.g. the
     * applicant may be ordered again). Same rules as {@link #paid}; throwing rolls the cancellation back. By
     * default nothing happens. Since 1.1.
     */
    default void cancelled(Connection connection, Order order, String reason) throws SQLException {
    }
}
