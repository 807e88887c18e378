package org.certportal.sample.views.internal;

import java.util.List;
import java.util.Set;

import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class SamplePermissionProvider implements PermissionProvider {
    static final String READ = "sample.read";
    static final String MANAGE = "sample.manage";

    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(new PermissionDefinition(READ, "Open the sample view", Set.of(Role.STAFF)),
                new PermissionDefinition(MANAGE, "Open the sample manager view", Set.of(Role.CERTIFICATION_MANAGER)));
    }
}
