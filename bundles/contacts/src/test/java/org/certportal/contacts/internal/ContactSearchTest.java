package org.certportal.contacts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ContactSearchTest {

    @Test
    void blankTextAndALoneCommaMatchEveryone() {
        assertEquals(List.of(), ContactSearch.of(null).branches());
        assertEquals(List.of(), ContactSearch.of("   ").branches());
        assertEquals(List.of(), ContactSearch.of(" , ").branches());
    }

    @Test
    void familyCommaGivenIsOneBranchOnBothKeys() {
        ContactSearch s = ContactSearch.of("Doe,  Jane");
        assertEquals(List.of(new ContactSearch.Branch("family_name_key LIKE ? ESCAPE '\\' AND given_name_key LIKE ?"
                + " ESCAPE '\\'", List.of("doe%", "jane%"))), s.branches());
    }

    @Test
    void wordsAreGivenThenFamilyOrOneNameAndOneWordIsAnyKeyPrefix() {
        ContactSearch words = ContactSearch.of("Jane  van der");
        assertEquals(List.of(List.of("jane van der%"), List.of("jane van der%"), List.of("jane%", "van der%")),
                words.branches().stream().map(ContactSearch.Branch::parameters).toList());
        assertEquals("given_name_key LIKE ? ESCAPE '\\' AND family_name_key LIKE ? ESCAPE '\\'",
                words.branches().get(2).condition());
        ContactSearch one = ContactSearch.of("D1_12");
        assertEquals(List.of("family_name_key", "given_name_key", "email", "external_id_key"), one.branches().stream()
                .map(b -> b.condition().substring(0, b.condition().indexOf(' '))).toList(),
                "one indexed column per branch, no function on it");
        assertTrue(one.branches().stream().allMatch(b -> b.parameters().equals(List.of("d1\\_12%"))),
                "lower case, LIKE wildcards escaped");
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
