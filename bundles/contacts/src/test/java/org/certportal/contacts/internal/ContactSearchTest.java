package org.certportal.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ContactSearchTest {

    @Test
    void blankTextAndALoneCommaMatchEveryone() {
        assertEquals("", ContactSearch.of(null).condition());
        assertEquals("", ContactSearch.of("   ").condition());
        assertEquals("", ContactSearch.of(" , ").condition());
    }

    @Test
    void familyCommaGivenIsOneConditionOnBothKeys() {
        ContactSearch s = ContactSearch.of("Doe,  Jane");
        assertEquals("c.familyNameKey LIKE :family ESCAPE '\\' AND c.givenNameKey LIKE :given ESCAPE '\\'",
                s.condition());
        assertEquals(Map.of("family", "doe%", "given", "jane%"), s.parameters());
    }

    @Test
    void wordsAreGivenThenFamilyOrOneNameAndOneWordIsAnyKeyPrefix() {
        ContactSearch words = ContactSearch.of("Jane  van der");
        assertEquals(Map.of("whole", "jane van der%", "given", "jane%", "family", "van der%"), words.parameters());
        assertTrue(words.condition().contains("(c.givenNameKey LIKE :given ESCAPE '\\' AND c.familyNameKey LIKE"));
        ContactSearch one = ContactSearch.of("D1_12");
        assertEquals(Map.of("whole", "d1\\_12%"), one.parameters(), "LIKE wildcards escaped");
        assertTrue(Stream.of("c.familyNameKey", "c.givenNameKey", "c.email", "c.externalIdKey")
                .allMatch(one.condition()::contains));
        assertTrue(!one.condition().contains("LOWER("), "no function on a column: indexes serve every part");
    }

    @Test
    void identifierSortKeysOrderNaturally() {
        List<String> ids = List.of("D1-10", "d1-9", "D1-2", "D1-100", "D1-12", "A", "D1-1a", "12345678901234");
        List<String> sorted = ids.stream().sorted((a, b) -> IdentifierSortKey.of(a).compareTo(IdentifierSortKey.of(b)))
                .toList();
        assertEquals(List.of("12345678901234", "A", "D1-1a", "D1-2", "d1-9", "D1-10", "D1-12", "D1-100"), sorted);
        assertEquals(null, IdentifierSortKey.of(null));
    }
}
