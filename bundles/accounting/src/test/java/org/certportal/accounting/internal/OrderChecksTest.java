package org.certportal.accounting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.certportal.accounting.api.OrderRequest;
import org.junit.jupiter.api.Test;

class OrderChecksTest {
    private static OrderRequest request(String purpose, String amount, String currency) {
        return new OrderRequest(7, purpose, " enrollment 12 ", "  ", amount == null ? null : new BigDecimal(amount),
                currency, 3);
    }

    private static String refusal(OrderRequest r) {
        return assertThrows(IllegalArgumentException.class, () -> OrderChecks.check(r)).getMessage();
    }

    @Test
    void storesCapitalCodesTwoDecimalsAndTrimmedText() {
        OrderRequest r = OrderChecks.check(request("masscert.certification", "150.5", " cad "));
        assertEquals(new BigDecimal("150.50"), r.amount());
        assertEquals("CAD", r.currency());
        assertEquals("enrollment 12", r.reference());
        assertEquals(null, r.description(), "a blank description is none");
        assertEquals(new BigDecimal("0.00"), OrderChecks.check(request("x", "0", "USD")).amount(), "free is zero");
        assertEquals(new BigDecimal("1000.00"), OrderChecks.check(request("x", "1000.000", "JPY")).amount(),
                "trailing zeros are no decimals");
    }

    @Test
    void refusesAmountsNoCurrencyAllows() {
        assertEquals("An order's amount must not be negative: -1.", refusal(request("x", "-1", "USD")));
        assertEquals("An amount in USD may have at most 2 decimals: 0.001.", refusal(request("x", "0.001", "USD")));
        assertEquals("An amount in JPY may have at most 0 decimals: 1.5.", refusal(request("x", "1.5", "JPY")));
        assertEquals("An order's amount must be at most 9999999999.99.", refusal(request("x", "10000000000", "USD")));
        assertEquals("An order needs an amount (zero when free).", refusal(request("x", null, "USD")));
    }

    @Test
    void refusesCodesThatAreNotIso4217() {
        assertEquals("'US' is no currency code (ISO 4217, such as USD, EUR, CAD).", refusal(request("x", "1", "US")));
        assertEquals("'ABC' is no currency code (ISO 4217, such as USD, EUR, CAD).", refusal(request("x", "1", "ABC")));
        assertEquals("'U$D' is no currency code (ISO 4217, such as USD, EUR, CAD).", refusal(request("x", "1", "U$D")));
        assertEquals("An order needs a currency (an ISO 4217 code such as USD).", refusal(request("x", "1", null)));
    }

    @Test
    void refusesPurposesThatNameNoHandler() {
        assertEquals("An order's purpose is a short kind in lower case, such as 'masscert.certification':"
                + " 'Mass Cert'.", refusal(request("Mass Cert", "1", "USD")));
        assertEquals("An order needs its purpose.", refusal(request(" ", "1", "USD")));
        assertEquals("An order's purpose may have at most 64 characters.", refusal(request("a".repeat(65), "1", "USD")));
        assertEquals("An order needs the contact who pays.", refusal(new OrderRequest(0, "x", "r", null,
                BigDecimal.ONE, "USD", 3)));
    }
}
