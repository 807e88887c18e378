package org.certportal.accounting.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A batch's orders counted by status, and what its orders amount to per currency.
 *
 * @param orders every order of the batch
 * @param amountByCurrency the amount of the batch's orders that are not cancelled (unpaid and paid), per
 *            ISO 4217 code, sorted by code
 * @param paidByCurrency the amount of its paid orders, per code, sorted by code
 */
public record BatchTotals(long batchId, long orders, long unpaid, long paid, long cancelled,
        Map<String, BigDecimal> amountByCurrency, Map<String, BigDecimal> paidByCurrency) {
    public BatchTotals {
        amountByCurrency = Map.copyOf(amountByCurrency);
        paidByCurrency = Map.copyOf(paidByCurrency);
    }
}
