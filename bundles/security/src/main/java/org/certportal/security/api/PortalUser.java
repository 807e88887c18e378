package org.certportal.security.api;

import java.util.Set;

/**
 * A portal account as administrators see it; the password hash never leaves the directory.
 *
 * @param email where the portal writes to this user (process runs they start); null when not given
 */
public record PortalUser(String userName, String displayName, Set<Role> roles, boolean enabled, String email) {
    public PortalUser {
        roles = Set.copyOf(roles);
    }
}
