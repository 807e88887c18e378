package org.certportal.accounting.api;

/** Permissions the accounting service checks; the roles holding each are in its permission provider. */
public final class AccountingPermissions {
    /** See batches, orders and totals; export a batch to CSV (Staff). */
    public static final String READ = "accounting.read";
    /** Create and close batches, mark orders paid, cancel orders (Certification Manager). */
    public static final String MANAGE = "accounting.manage";

    private AccountingPermissions() {
    }
}
