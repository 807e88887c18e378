package org.certportal.security.api;

import java.util.Set;

/**
 * A signed-in user as the services see them.
 *
 * @param userName the login name
 * @param displayName the name to show
 * @param roles the roles held directly (not expanded)
 */
public record Caller(String userName, String displayName, Set<Role> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }
}
