package org.certportal.accounting.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

import org.certportal.accounting.api.OrderRequest;

/** What an order may hold: checked before anything is written, refused with a sentence for the user. */
final class OrderChecks {
    static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private OrderChecks() {
    }

    /** The request as it is stored: currency in capitals, amount with the currency's decimals (at most two). */
    static OrderRequest check(OrderRequest r) {
        if (r == null) {
            throw new IllegalArgumentException("An order needs its details.");
        }
        if (r.contactId() <= 0) {
            throw new IllegalArgumentException("An order needs the contact who pays.");
        }
        String purpose = text(r.purpose(), "purpose", 64);
        if (!purpose.matches("[a-z][a-z0-9._-]*")) {
            throw new IllegalArgumentException("An order's purpose is a short kind in lower case, such as"
                    + " 'masscert.certification': '" + purpose + "'.");
        }
        String reference = text(r.reference(), "reference", 100);
        String description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
        if (description != null && description.length() > 200) {
            throw new IllegalArgumentException("An order's description may have at most 200 characters.");
        }
        Currency currency = currency(r.currency());
        BigDecimal amount = amount(r.amount(), currency);
        return new OrderRequest(r.contactId(), purpose, reference, description, amount, currency.getCurrencyCode(),
                r.batchId());
    }

    /** An ISO 4217 code, any case. */
    static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("An order needs a currency (an ISO 4217 code such as USD).");
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (upper.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(upper);
            } catch (IllegalArgumentException unknown) {
                // refused below
            }
        }
        throw new IllegalArgumentException("'" + code.strip() + "' is no currency code (ISO 4217, such as USD, EUR, CAD).");
    }

    static BigDecimal amount(BigDecimal amount, Currency currency) {
        if (amount == null) {
            throw new IllegalArgumentException("An order needs an amount (zero when free).");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("An order's amount must not be negative: " + amount.toPlainString() + ".");
        }
        int digits = Math.min(2, Math.max(0, currency.getDefaultFractionDigits()));
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new IllegalArgumentException("An amount in " + currency.getCurrencyCode() + " may have at most "
                    + digits + (digits == 1 ? " decimal" : " decimals") + ": " + amount.toPlainString() + ".");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("An order's amount must be at most " + MAX_AMOUNT.toPlainString() + ".");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String text(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An order needs its " + what + ".");
        }
        String s = value.strip();
        if (s.length() > max) {
            throw new IllegalArgumentException("An order's " + what + " may have at most " + max + " characters.");
        }
        return s;
    }
}
