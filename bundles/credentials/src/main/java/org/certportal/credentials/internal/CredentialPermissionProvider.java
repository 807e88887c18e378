package org.certportal.credentials.internal;

import java.util.List;
import java.util.Set;

import org.certportal.credentials.api.CredentialPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

@Component
public class CredentialPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(CredentialPermissions.READ,
                        "See credential types, awarded credentials and their document orders",
                        Set.of(Role.STUDENT_RECORDS)),
                new PermissionDefinition(CredentialPermissions.AWARD,
                        "Search, preview and run the bulk award and order of credentials", Set.of(Role.STUDENT_RECORDS)),
                new PermissionDefinition(CredentialPermissions.IMPORT, "Import achieved credentials from CSV",
                        Set.of(Role.STUDENT_RECORDS)),
                new PermissionDefinition(CredentialPermissions.REVOKE, "Revoke awarded credentials, one or many",
                        Set.of(Role.STUDENT_RECORDS)),
                new PermissionDefinition(CredentialPermissions.REISSUE,
                        "Reissue an awarded credential under a new number and order its reprint",
                        Set.of(Role.STUDENT_RECORDS)),
                new PermissionDefinition(CredentialPermissions.GRANT,
                        "Set which credential type a program grants to those who earn it",
                        Set.of(Role.STUDENT_RECORDS, Role.CERTIFICATION_MANAGER)),
                new PermissionDefinition(CredentialPermissions.USAGE,
                        "Read and export who used the credentials page and its downloads", Set.of(Role.SYSADMIN)));
    }
}
