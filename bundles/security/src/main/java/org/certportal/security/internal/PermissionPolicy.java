package org.certportal.security.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.Role;

/**
 * Decides whether a set of roles holds a permission. SysAdmin holds everything; a permission
 * nobody defined is held by SysAdmin only; definitions of one name from several providers add up.
 */
final class PermissionPolicy {
    private final Map<String, Set<Role>> grants;

    private PermissionPolicy(Map<String, Set<Role>> grants) {
        this.grants = grants;
    }

    static PermissionPolicy of(Collection<PermissionDefinition> definitions) {
        Map<String, Set<Role>> grants = new HashMap<>();
        for (PermissionDefinition d : definitions) {
            grants.computeIfAbsent(d.name(), n -> EnumSet.noneOf(Role.class)).addAll(d.grantedTo());
        }
        return new PermissionPolicy(grants);
    }

    boolean permits(Set<Role> held, String permission) {
        Set<Role> effective = EnumSet.noneOf(Role.class);
        held.forEach(r -> effective.addAll(r.withIncluded()));
        if (effective.contains(Role.SYSADMIN)) {
            return true;
        }
        Set<Role> granted = grants.get(permission);
        return granted != null && granted.stream().anyMatch(effective::contains);
    }

    boolean isDefined(String permission) {
        return grants.containsKey(permission);
    }
}
