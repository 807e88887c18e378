package org.certportal.security.internal;

import java.util.Set;

import org.certportal.security.api.PortalUser;
import org.certportal.security.api.Role;

/** One line of the users file: the account and its password hash. */
record StoredUser(String userName, String displayName, Set<Role> roles, boolean enabled, String passwordHash,
        String email) {
    StoredUser {
        roles = Set.copyOf(roles);
    }

    PortalUser toPortalUser() {
        return new PortalUser(userName, displayName, roles, enabled, email);
    }

    StoredUser withEnabled(boolean value) {
        return new StoredUser(userName, displayName, roles, value, passwordHash, email);
    }

    StoredUser withRoles(Set<Role> value) {
        return new StoredUser(userName, displayName, value, enabled, passwordHash, email);
    }

    StoredUser withPasswordHash(String value) {
        return new StoredUser(userName, displayName, roles, enabled, value, email);
    }

    StoredUser withEmail(String value) {
        return new StoredUser(userName, displayName, roles, enabled, passwordHash, value);
    }
}
