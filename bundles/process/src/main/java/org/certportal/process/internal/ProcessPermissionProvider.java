package org.certportal.process.internal;

import java.util.List;
import java.util.Set;

import org.certportal.process.api.ProcessPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class ProcessPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(ProcessPermissions.READ, "See the Process Center: processes, schedules, runs",
                        Set.of(Role.STAFF, Role.STUDENT_RECORDS)),
                new PermissionDefinition(ProcessPermissions.RUN, "Start, preview, schedule and cancel processes (each"
                        + " process also needs its own permission)", Set.of(Role.STAFF, Role.STUDENT_RECORDS)));
    }
}
