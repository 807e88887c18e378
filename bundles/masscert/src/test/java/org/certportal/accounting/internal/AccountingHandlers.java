package org.certportal.accounting.internal;

import org.certportal.accounting.api.OrderPaidHandler;

/**
 * Registers an order-paid handler with the real accounting service outside OSGi, as DS does in the
 * portal (its bind method is package-private): lives in the accounting package for that reason only.
 */
public final class AccountingHandlers {
    private AccountingHandlers() {
    }

    public static void register(AccountingServiceImpl service, OrderPaidHandler handler) {
        service.addHandler(handler);
    }
}
