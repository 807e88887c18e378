package org.certportal.masscert.internal;

import java.util.List;
import java.util.Set;

import org.certportal.masscert.api.MassCertPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class MassCertPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(MassCertPermissions.RUN,
                "Preview, run and schedule mass certifications; edit their confirmation emails",
                Set.of(Role.CERTIFICATION_ADMIN)));
    }
}
