package org.certportal.accounting.api;

/** An order is created Unpaid; it ends Paid or Cancelled, never both, never back. */
public enum OrderStatus {
    UNPAID("Unpaid"),
    PAID("Paid"),
    CANCELLED("Cancelled");

    private final String title;

    OrderStatus(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
