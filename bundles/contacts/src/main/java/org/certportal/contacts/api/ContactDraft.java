package org.certportal.contacts.api;

import java.time.LocalDate;

/** What a user enters for a new or changed contact; checked by the service. */
public record ContactDraft(String givenName, String familyName, String email, LocalDate birthDate,
        String externalId) {
}
