package org.certportal.mail.internal;

import java.util.List;
import java.util.Set;

import org.certportal.mail.api.MailPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class MailPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(MailPermissions.READ, "See the mail outbox: queued, sent and failed messages",
                        Set.of(Role.STAFF)),
                new PermissionDefinition(MailPermissions.RESEND, "Send a failed or sent message again",
                        Set.of(Role.CERTIFICATION_ADMIN)),
                new PermissionDefinition(MailPermissions.TEST, "Queue a test message to check the mail settings",
                        Set.of(Role.SYSADMIN)));
    }
}
