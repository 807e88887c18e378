package org.certportal.contacts.internal;

import java.util.ArrayList;
import java.util.List;

import org.certportal.contacts.api.ContactNames;
import org.certportal.persistence.api.JdbcStatements;

/**
 * What a contact search text means, as SQL conditions on the contact table. Each branch is a prefix
 * match on a lower-case key column ({@code LIKE 'text%'}), which a B-tree on that column serves as a
 * range (on PostgreSQL the key columns use the C collation, so the same index also gives their
 * order); a contact matches when any branch does:
 * <ul>
 * <li>one word: family name, given name, email or external identifier starting with it ("D1-12"
 * finds D1-120 to D1-129);</li>
 * <li>"given family" (words): the given name starts with the first word and the family name with
 * the rest, or a family or given name starts with the whole text ("van der");</li>
 * <li>"family, given": the family name starts with the part before the comma and the given name
 * with the part after it.</li>
 * </ul>
 * Kept as separate branches rather than one OR: each is answered from its own index, in order and
 * stopping early (see {@link ContactPageQuery}).
 *
 * @param branches none for blank text (every contact)
 */
record ContactSearch(List<Branch> branches) {
    /** One condition with its parameters, in order. */
    record Branch(String condition, List<Object> parameters) {
    }

    private static final String LIKE = " LIKE ? ESCAPE '\\'";

    static ContactSearch of(String text) {
        String term = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (term.isEmpty()) {
            return new ContactSearch(List.of());
        }
        int comma = term.indexOf(',');
        if (comma >= 0) {
            String family = term.substring(0, comma).strip();
            String given = term.substring(comma + 1).strip();
            List<String> both = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (!family.isEmpty()) {
                both.add("family_name_key" + LIKE);
                params.add(prefix(family));
            }
            if (!given.isEmpty()) {
                both.add("given_name_key" + LIKE);
                params.add(prefix(given));
            }
            return new ContactSearch(both.isEmpty() ? List.of()
                    : List.of(new Branch(String.join(" AND ", both), params)));
        }
        List<Branch> any = new ArrayList<>();
        any.add(prefixOf("family_name_key", term));
        any.add(prefixOf("given_name_key", term));
        int space = term.indexOf(' ');
        if (space > 0) {
            any.add(new Branch("given_name_key" + LIKE + " AND family_name_key" + LIKE,
                    List.of(prefix(term.substring(0, space)), prefix(term.substring(space + 1)))));
        } else {
            any.add(prefixOf("email", term));
            any.add(prefixOf("external_id_key", term));
        }
        return new ContactSearch(any);
    }

    private static Branch prefixOf(String column, String text) {
        return new Branch(column + LIKE, List.of(prefix(text)));
    }

    private static String prefix(String text) {
        return JdbcStatements.startsWith(ContactNames.key(text));
    }
}
