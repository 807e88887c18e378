package org.certportal.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.certportal.contacts.api.ContactDraft;
import org.junit.jupiter.api.Test;

class ContactRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static ContactDraft draft(String given, String family, String email, LocalDate birth, String ext) {
        return new ContactDraft(given, family, email, birth, ext);
    }

    @Test
    void cleansInput() {
        ContactDraft d = ContactRules.check(draft("  Ada ", " Lovelace ", " Ada@Example.ORG ", null, "  "), TODAY);
        assertEquals("Ada", d.givenName());
        assertEquals("Lovelace", d.familyName());
        assertEquals("ada@example.org", d.email());
        assertNull(d.externalId());
    }

    @Test
    void refusesBadInputWithAClearMessage() {
        assertEquals("Family name is required.", assertThrows(IllegalArgumentException.class,
                () -> ContactRules.check(draft("Ada", " ", null, null, null), TODAY)).getMessage());
        assertEquals("Email 'ada@nowhere' is not a valid address.", assertThrows(IllegalArgumentException.class,
                () -> ContactRules.check(draft("Ada", "L", "ada@nowhere", null, null), TODAY)).getMessage());
        assertEquals("Family name is too long: at most 100 characters.", assertThrows(IllegalArgumentException.class,
                () -> ContactRules.check(draft("Ada", "x".repeat(101), null, null, null), TODAY)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ContactRules.check(draft("Ada", "L", null, TODAY.plusDays(1), null), TODAY));
        assertThrows(IllegalArgumentException.class,
                () -> ContactRules.check(draft("Ada", "L", null, LocalDate.of(1899, 12, 31), null), TODAY));
        assertThrows(IllegalArgumentException.class,
                () -> ContactRules.check(draft("A\u0007da", "L", null, null, null), TODAY));
        assertThrows(IllegalArgumentException.class, () -> ContactRules.check(null, TODAY));
    }

    @Test
    void acceptsBoundaryDatesAndLengths() {
        ContactRules.check(draft(null, "x".repeat(100), null, TODAY, "s".repeat(64)), TODAY);
        ContactRules.check(draft(null, "L", null, LocalDate.of(1900, 1, 1), null), TODAY);
    }
}
