package org.certportal.security.api;

import java.util.Objects;
import java.util.Set;

/**
 * A named right and the roles that hold it. SysAdmin holds every permission.
 *
 * @param name dotted name, e.g. {@code programs.edit}
 * @param description what the permission allows, for administrators
 * @param grantedTo the roles that hold it (roles that include one of them hold it too)
 */
public record PermissionDefinition(String name, String description, Set<Role> grantedTo) {
    public PermissionDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("Permission name must be dotted lower case, e.g. programs.edit: " + name);
        }
        grantedTo = Set.copyOf(grantedTo);
    }
}
