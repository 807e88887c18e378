package org.certportal.accounting.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored order; see {@link OrderRequest} for the fields given at creation.
 *
 * @param contactName the contact's name as the contacts area has it now ("given family"), or "#id" when
 *            the contact is gone
 * @param paidAt when it was marked paid (the day the payment was received is given to markPaid, kept
 *            with the order and exported), null unless {@link OrderStatus#PAID}
 */
public record Order(long id, long contactId, String contactName, String purpose, String reference,
        String description, BigDecimal amount, String currency, OrderStatus status, long batchId,
        Instant createdAt, Instant paidAt) {
}
