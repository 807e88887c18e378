package org.certportal.contacts.api;

import java.time.LocalDate;

/** A stored contact; {@code version} guards concurrent edits. */
public record Contact(long id, String givenName, String familyName, String email, LocalDate birthDate,
        String externalId, long version) {
}
