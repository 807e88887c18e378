package org.certportal.audit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ChangesTest {
    @Test
    void keepsOnlyChangedFieldsInOrder() {
        Changes c = Changes.of().field("familyName", "Lovelace", "King").field("givenName", "Ada", "Ada")
                .field("birthDate", null, LocalDate.of(1815, 12, 10)).field("email", "a@x.org", null);
        assertEquals("familyName: Lovelace → King\nbirthDate: ∅ → 1815-12-10\nemail: a@x.org → ∅", c.describe());
        assertEquals(3, c.list().size());
    }

    @Test
    void noChangeIsEmpty() {
        assertTrue(Changes.of().field("a", 1, 1).isEmpty());
        assertEquals("", Changes.of().describe());
    }
}
