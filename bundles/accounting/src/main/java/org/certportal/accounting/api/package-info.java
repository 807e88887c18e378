/**
 * Accounting: orders to pay (a fee for a certification, say) grouped in batches that staff close,
 * export and reconcile. An order is created by another area in that area's own transaction
 * ({@link AccountingService#createOrder}); marking it paid calls the {@link OrderPaidHandler} registered
 * for its purpose in the same transaction, so the step the order was waiting for (a certification
 * becoming Active, its confirmation email) commits with the payment or not at all. Accounting keeps its
 * own tables and publishes no read view. Since 1.1 cancelling an order tells the same handler
 * ({@link OrderPaidHandler#cancelled}), so the step stops waiting for it.
 */
@Version("1.1.0")
package org.certportal.accounting.api;

import org.osgi.annotation.versioning.Version;
