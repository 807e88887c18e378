package org.certportal.contacts.api;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Contacts. Reading demands {@link ContactPermissions#READ}, changing {@link ContactPermissions#EDIT}.
 * Invalid input throws {@link IllegalArgumentException} with a clear message and changes nothing.
 * There is no delete: certification actions never remove a person.
 */
@ProviderType
public interface ContactService {

    /** Sort keys {@link #search} accepts; the default is family name. */
    String SORT_FAMILY_NAME = "familyName";
    String SORT_GIVEN_NAME = "givenName";
    String SORT_EMAIL = "email";
    String SORT_EXTERNAL_ID = "externalId";

    Contact create(ContactDraft draft);

    /**
     * Creates many contacts at once (imports, demo data), in chunks of one transaction each, with
     * one audit entry per chunk. Every draft is checked first: one invalid draft refuses the whole
     * call and nothing is stored. An external identifier already taken fails its chunk.
     *
     * @return how many contacts were created
     */
    int createAll(java.util.List<ContactDraft> drafts);

    /** @throws java.util.ConcurrentModificationException when someone saved the contact since it was read */
    Contact update(long id, long expectedVersion, ContactDraft draft);

    Optional<Contact> find(long id);

    /**
     * The contacts with these ids, in one read for many (a bulk action that needs each one's address);
     * ids that name no contact are left out.
     */
    default Map<Long, Contact> findAll(Collection<Long> ids) {
        Map<Long, Contact> found = new HashMap<>();
        for (Long id : new LinkedHashSet<>(ids)) {
            find(id).ifPresent(c -> found.put(id, c));
        }
        return found;
    }

    /**
     * The contacts with these external identifiers, by identifier, in one read for many (imports that
     * name people by identifier); identifiers that name no contact, and nulls, are left out.
     *
     * @since 1.2
     */
    Map<String, Contact> findByExternalIds(Collection<String> externalIds);

    /**
     * Contacts whose family or given name, email or external identifier starts with the text (any
     * case; "D1-12" finds D1-120 to D1-129); "given family" finds a given name starting with the
     * first word and a family name starting with the rest, "family, given" the other way round; all
     * contacts for blank text. Paged and sorted in the database; identifiers sort naturally (D1-9
     * before D1-10).
     */
    Page<Contact> search(String text, PageRequest page);
}
