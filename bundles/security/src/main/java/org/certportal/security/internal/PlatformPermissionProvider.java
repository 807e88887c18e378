package org.certportal.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Permissions;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

/** The permissions of the platform itself. */
@Component
public class PlatformPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(Permissions.PORTAL_ACCESS, "Sign in to the portal",
                        EnumSet.of(Role.STAFF, Role.STUDENT_RECORDS)),
                new PermissionDefinition(Permissions.USERS_ADMIN, "Manage portal users and roles",
                        Set.of(Role.SYSADMIN)));
    }
}
