package org.certportal.contacts.internal;

import java.util.Locale;

/**
 * The natural order of external identifiers as a string the database sorts with a plain index:
 * lower case, every run of digits left-padded with zeros to {@value #WIDTH} places, so that
 * "D1-9" sorts before "D1-10" ("d000000000001-000000000009" &lt; "d000000000001-000000000010").
 * Stored beside the identifier ({@code external_id_sort}) because a sort by an expression computed
 * per row could use no index and would sort the whole table for every page.
 */
final class IdentifierSortKey {
    static final int WIDTH = 12;
    /** Room for an identifier of 64 characters that is all one-digit runs. */
    static final int MAX_LENGTH = 512;

    private IdentifierSortKey() {
    }

    static String of(String externalId) {
        if (externalId == null) {
            return null;
        }
        String id = externalId.toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(id.length() + WIDTH);
        int i = 0;
        while (i < id.length()) {
            char ch = id.charAt(i);
            if (ch >= '0' && ch <= '9') {
                int end = i;
                while (end < id.length() && id.charAt(end) >= '0' && id.charAt(end) <= '9') {
                    end++;
                }
                // longer runs than the width keep their length: still in order among themselves
                key.append("0".repeat(Math.max(0, WIDTH - (end - i)))).append(id, i, end);
                i = end;
            } else {
                key.append(ch);
                i++;
            }
        }
        return key.length() > MAX_LENGTH ? key.substring(0, MAX_LENGTH) : key.toString();
    }
}
