package org.certportal.enrollments.internal;

import java.util.List;
import java.util.Set;

import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class EnrollmentPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(EnrollmentPermissions.READ, "See enrollments, trackers and progress",
                        Set.of(Role.STAFF)),
                new PermissionDefinition(EnrollmentPermissions.EDIT,
                        "Enroll contacts, edit enrollment dates, approve or decline applications", Set.of(Role.STAFF)),
                new PermissionDefinition(EnrollmentPermissions.CANCEL_ANY,
                        "Cancel any enrollment, whatever the program allows enrollees",
                        Set.of(Role.CERTIFICATION_ADMIN)),
                new PermissionDefinition(EnrollmentPermissions.PURGE, "Purge inactive enrollments",
                        Set.of(Role.CERTIFICATION_MANAGER)),
                new PermissionDefinition(EnrollmentPermissions.TRANSCRIPT, "Print transcripts", Set.of(Role.STAFF)));
    }
}
