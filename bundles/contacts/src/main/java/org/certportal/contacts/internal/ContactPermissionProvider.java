package org.certportal.contacts.internal;

import java.util.List;
import java.util.Set;

import org.certportal.contacts.api.ContactPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class ContactPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(ContactPermissions.READ, "Find and view contacts",
                        Set.of(Role.STAFF, Role.STUDENT_RECORDS)),
                new PermissionDefinition(ContactPermissions.EDIT, "Create and edit contacts", Set.of(Role.STAFF)));
    }
}
