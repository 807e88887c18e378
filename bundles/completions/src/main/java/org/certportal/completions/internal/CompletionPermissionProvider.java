package org.certportal.completions.internal;

import java.util.List;
import java.util.Set;

import org.certportal.completions.api.CompletionPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class CompletionPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(CompletionPermissions.READ, "See enrollees' progress and completions",
                        Set.of(Role.STAFF)),
                new PermissionDefinition(CompletionPermissions.RECORD, "Record completions and enter grades",
                        Set.of(Role.STAFF)),
                new PermissionDefinition(CompletionPermissions.READ_FILES, "Download files attached to completions",
                        Set.of(Role.STAFF)),
                new PermissionDefinition(CompletionPermissions.APPROVE, "Approve or reject completions",
                        Set.of(Role.CERTIFICATION_ADMIN)),
                new PermissionDefinition(CompletionPermissions.IMPORT, "Import completions from CSV",
                        Set.of(Role.CERTIFICATION_ADMIN)));
    }
}
