package org.certportal.contacts.api;

import java.util.Locale;

/**
 * The name key the contacts feature stores beside each family name ({@code family_name_key} in its
 * read view {@code contact_summary}): whoever searches or sorts contacts by name in SQL computes the
 * key of the user's text here, so both sides agree.
 */
public final class ContactNames {
    private ContactNames() {
    }

    /** The search key of a name: lower case (locale-independent), so that prefix search can use an index. */
    public static String key(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
