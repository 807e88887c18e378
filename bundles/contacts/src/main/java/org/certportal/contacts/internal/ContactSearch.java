package org.certportal.contacts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.certportal.contacts.api.ContactNames;
import org.certportal.persistence.api.JdbcStatements;

/**
 * What a contact search text means, as a JPQL condition on {@code ContactEntity c}. Every part is a
 * prefix match on a lower-case key column with its own index ({@code LIKE 'text%'}, which a B-tree
 * serves; on PostgreSQL through a {@code varchar_pattern_ops} index whatever the collation), ORed:
 * <ul>
 * <li>one word: family name, given name, email or external identifier starting with it ("D1-12"
 * finds D1-120 to D1-129);</li>
 * <li>"given family" (words): the given name starts with the first word and the family name with
 * the rest, or a family or given name starts with the whole text ("van der");</li>
 * <li>"family, given": the family name starts with the part before the comma and the given name
 * with the part after it.</li>
 * </ul>
 *
 * @param condition JPQL after WHERE, empty for blank text (every contact)
 * @param parameters the named parameters of the condition
 */
record ContactSearch(String condition, Map<String, Object> parameters) {
    private static final String LIKE = " LIKE :%s ESCAPE '\\'";

    static ContactSearch of(String text) {
        String term = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (term.isEmpty()) {
            return new ContactSearch("", Map.of());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> any = new ArrayList<>();
        int comma = term.indexOf(',');
        if (comma >= 0) {
            String family = term.substring(0, comma).strip();
            String given = term.substring(comma + 1).strip();
            List<String> both = new ArrayList<>();
            if (!family.isEmpty()) {
                both.add(like("c.familyNameKey", "family", family, params));
            }
            if (!given.isEmpty()) {
                both.add(like("c.givenNameKey", "given", given, params));
            }
            if (both.isEmpty()) {
                return new ContactSearch("", Map.of());
            }
            return new ContactSearch(String.join(" AND ", both), params);
        }
        any.add(like("c.familyNameKey", "whole", term, params));
        any.add("c.givenNameKey" + LIKE.formatted("whole"));
        int space = term.indexOf(' ');
        if (space > 0) {
            any.add("(" + like("c.givenNameKey", "given", term.substring(0, space), params) + " AND "
                    + like("c.familyNameKey", "family", term.substring(space + 1), params) + ")");
        } else {
            any.add("c.email" + LIKE.formatted("whole"));
            any.add("c.externalIdKey" + LIKE.formatted("whole"));
        }
        return new ContactSearch(String.join(" OR ", any), params);
    }

    private static String like(String column, String name, String value, Map<String, Object> params) {
        params.put(name, JdbcStatements.startsWith(ContactNames.key(value)));
        return column + LIKE.formatted(name);
    }
}
