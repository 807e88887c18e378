package org.certportal.security.api;

import java.util.Set;

/** A portal account as administrators see it; the password hash never leaves the directory. */
public record PortalUser(String userName, String displayName, Set<Role> roles, boolean enabled) {
    public PortalUser {
        roles = Set.copyOf(roles);
    }
}
