package org.certportal.security.internal;

import java.util.Set;
import java.util.regex.Pattern;

import org.certportal.security.api.Role;

/** What a valid account looks like; each check throws IllegalArgumentException with a clear message. */
final class UserRules {
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;
    private static final Pattern USER_NAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_EMAIL_LENGTH = 254;

    private UserRules() {
    }

    static String userName(String userName) {
        String name = userName == null ? "" : userName.trim();
        if (!USER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("User name '" + name + "' is invalid: use 2 to 64 lower-case letters,"
                    + " digits, '.', '_' or '-', starting with a letter.");
        }
        return name;
    }

    /** The address trimmed, or null for none; one address, no display name. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.trim();
        if (address.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(address).matches()) {
            throw new IllegalArgumentException("Email '" + address + "' is not a valid address.");
        }
        return address;
    }

    static String displayName(String displayName, String userName) {
        String name = displayName == null || displayName.isBlank() ? userName : displayName.trim();
        if (name.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("Display name is too long: at most " + MAX_DISPLAY_NAME_LENGTH
                    + " characters.");
        }
        if (name.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("Display name must not contain control characters.");
        }
        return name;
    }

    static void password(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Password is too short: at least " + MIN_PASSWORD_LENGTH
                    + " characters.");
        }
    }

    static Set<Role> roles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role.");
        }
        return Set.copyOf(roles);
    }
}
