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
 * registered are refused by markPaid.
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
}
