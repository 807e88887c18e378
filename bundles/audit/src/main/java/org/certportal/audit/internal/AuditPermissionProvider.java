package org.certportal.audit.internal;

import java.util.List;
import java.util.Set;

import org.certportal.audit.api.AuditPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class AuditPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(AuditPermissions.READ, "Read the audit log", Set.of(Role.SYSADMIN)));
    }
}
