package org.certportal.programs.internal;

import java.util.List;
import java.util.Set;

import org.certportal.programs.api.ProgramPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

/** Staff read programs; Certification Admins (and the roles above them) define and edit them. */
@Component
public class ProgramPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(ProgramPermissions.READ, "View certification programs", Set.of(Role.STAFF)),
                new PermissionDefinition(ProgramPermissions.EDIT, "Define and edit certification programs",
                        Set.of(Role.CERTIFICATION_ADMIN)));
    }
}
