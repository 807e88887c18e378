package org.certportal.accounting.api;

import java.math.BigDecimal;

/**
 * An order to create.
 *
 * @param contactId who pays (a contact)
 * @param purpose a short kind naming the {@link OrderPaidHandler} that completes the waiting step when
 *            the order is paid, e.g. {@code masscert.certification}; at most 64 characters
 * @param reference what the order is for within that purpose, e.g. an enrollment id as text; at most 100
 *            characters
 * @param description what staff read on the order, e.g. the program's name; at most 200 characters
 * @param amount zero or more, at most two decimals (the program's fee)
 * @param currency an ISO 4217 code, e.g. USD
 * @param batchId an open batch
 */
public record OrderRequest(long contactId, String purpose, String reference, String description, BigDecimal amount,
        String currency, long batchId) {
}
