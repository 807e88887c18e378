package org.certportal.contacts.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.certportal.contacts.api.ContactDraft;

/** What a valid contact looks like; returns the cleaned draft or throws with a clear message. */
final class ContactRules {
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_EXTERNAL_ID = 64;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ContactRules() {
    }

    static ContactDraft check(ContactDraft draft, LocalDate today) {
        if (draft == null) {
            throw new IllegalArgumentException("A contact is required.");
        }
        String family = text(draft.familyName(), "Family name", MAX_NAME);
        if (family == null) {
            throw new IllegalArgumentException("Family name is required.");
        }
        String given = text(draft.givenName(), "Given name", MAX_NAME);
        String email = text(draft.email(), "Email", MAX_EMAIL);
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(email).matches()) {
                throw new IllegalArgumentException("Email '" + email + "' is not a valid address.");
            }
        }
        String externalId = text(draft.externalId(), "External identifier", MAX_EXTERNAL_ID);
        LocalDate birth = draft.birthDate();
        if (birth != null && (birth.isAfter(today) || birth.isBefore(EARLIEST_BIRTH))) {
            throw new IllegalArgumentException("Birth date " + birth + " must lie between " + EARLIEST_BIRTH
                    + " and today.");
        }
        return new ContactDraft(given, family, email, birth, externalId);
    }

    /** Trimmed text or null when blank; too long or control characters are refused. */
    private static String text(String value, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(label + " is too long: at most " + max + " characters.");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(label + " must not contain control characters.");
        }
        return v;
    }
}
