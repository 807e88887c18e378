package org.certportal.completions.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

/** Contacts as the completion service reads them (names, email addresses, external identifiers); the test adds them. */
final class FakeContacts implements ContactService {
    private final Map<Long, Contact> contacts = new HashMap<>();
    /** Calls of {@link #findByExternalIds}: an import looks its contacts up once, not once per row. */
    int lookups;

    void add(Contact c) {
        contacts.put(c.id(), c);
    }

    @Override
    public Optional<Contact> find(long id) {
        return Optional.ofNullable(contacts.get(id));
    }

    @Override
    public Map<String, Contact> findByExternalIds(Collection<String> externalIds) {
        lookups++;
        Map<String, Contact> found = new HashMap<>();
        Set<String> wanted = new HashSet<>(externalIds);
        contacts.values().stream().filter(c -> c.externalId() != null && wanted.contains(c.externalId()))
                .forEach(c -> found.put(c.externalId(), c));
        return found;
    }

    @Override
    public Contact create(ContactDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int createAll(List<ContactDraft> drafts) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Contact update(long id, long expectedVersion, ContactDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Contact> search(String text, PageRequest page) {
        throw new UnsupportedOperationException();
    }
}
