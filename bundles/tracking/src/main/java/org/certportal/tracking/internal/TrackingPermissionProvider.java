package org.certportal.tracking.internal;

import java.util.List;
import java.util.Set;

import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.tracking.api.TrackingPermissions;
import org.osgi.service.component.annotations.Component;

@Component
public class TrackingPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(TrackingPermissions.READ,
                        "See every enrollment's status on the Tracking page; save one's own filters", Set.of(Role.STAFF)),
                new PermissionDefinition(TrackingPermissions.EXPORT, "Export the tracking list to CSV",
                        Set.of(Role.STAFF)),
                new PermissionDefinition(TrackingPermissions.SET_STATUS,
                        "Set Declined, Inactive, Not completed or Cancelled by hand, with a reason",
                        Set.of(Role.CERTIFICATION_ADMIN)),
                new PermissionDefinition(TrackingPermissions.REVIEW, "Approve or reject certifications in Admin Review",
                        Set.of(Role.CERTIFICATION_MANAGER)),
                new PermissionDefinition(TrackingPermissions.EXPIRE, "Run and schedule the daily expiry",
                        Set.of(Role.CERTIFICATION_ADMIN)),
                new PermissionDefinition(TrackingPermissions.MANAGE_REMINDERS,
                        "Configure the expiry reminders and their messages; send oneself a test",
                        Set.of(Role.CERTIFICATION_MANAGER)),
                new PermissionDefinition(TrackingPermissions.MASS_DROP,
                        "Run, preview and schedule mass drops of a program's enrollments; revert a finished one",
                        Set.of(Role.CERTIFICATION_MANAGER)));
    }
}
