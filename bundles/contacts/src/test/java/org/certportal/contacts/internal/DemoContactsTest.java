package org.certportal.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.certportal.contacts.api.ContactDraft;
import org.junit.jupiter.api.Test;

class DemoContactsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void sameSeedSamePeopleAndAllValid() {
        List<ContactDraft> a = DemoContacts.generate(500, 7, TODAY);
        assertEquals(a, DemoContacts.generate(500, 7, TODAY));
        assertNotEquals(a, DemoContacts.generate(500, 8, TODAY));
        a.forEach(d -> ContactRules.check(d, TODAY));
        assertEquals(500, a.stream().map(ContactDraft::externalId).distinct().count());
    }

    @Test
    void refusesAbsurdCounts() {
        assertThrows(IllegalArgumentException.class, () -> DemoContacts.generate(-1, 1, TODAY));
    }
}
