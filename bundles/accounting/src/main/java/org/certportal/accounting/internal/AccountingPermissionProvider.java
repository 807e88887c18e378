package org.certportal.accounting.internal;

import java.util.List;
import java.util.Set;

import org.certportal.accounting.api.AccountingPermissions;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.osgi.service.component.annotations.Component;

/** Staff read the batches and orders; Certification Managers (and SysAdmins, who include them) change them. */
@Component
public class AccountingPermissionProvider implements PermissionProvider {
    @Override
    public List<PermissionDefinition> permissions() {
        return List.of(
                new PermissionDefinition(AccountingPermissions.READ,
                        "See accounting batches, their orders and totals; export a batch to CSV", Set.of(Role.STAFF)),
                new PermissionDefinition(AccountingPermissions.MANAGE,
                        "Create and close accounting batches, mark orders paid, cancel orders",
                        Set.of(Role.CERTIFICATION_MANAGER)));
    }
}
