package org.certportal.settings.internal;

import java.util.List;
import java.util.Set;

import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.settings.api.SettingsPermissions;
import org.osgi.service.component.annotations.Component;

@Component
public class SettingsPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(SettingsPermissions.EDIT, "Change the organisation settings",
                Set.of(Role.SYSADMIN)));
    }
}
