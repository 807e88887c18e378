package org.certportal.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.Test;

class PermissionPolicyTest {
    private final PermissionPolicy policy = PermissionPolicy.of(List.of(
            new PermissionDefinition("programs.read", "", Set.of(Role.STAFF)),
            new PermissionDefinition("programs.edit", "", Set.of(Role.CERTIFICATION_ADMIN)),
            new PermissionDefinition("enrollments.purge", "", Set.of(Role.CERTIFICATION_MANAGER)),
            new PermissionDefinition("credentials.bulk", "", Set.of(Role.STUDENT_RECORDS)),
            new PermissionDefinition("credentials.bulk", "", Set.of(Role.CERTIFICATION_MANAGER))));

    @Test
    void higherRolesIncludeLowerOnes() {
        assertTrue(policy.permits(Set.of(Role.STAFF), "programs.read"));
        assertTrue(policy.permits(Set.of(Role.CERTIFICATION_ADMIN), "programs.read"));
        assertTrue(policy.permits(Set.of(Role.CERTIFICATION_MANAGER), "programs.edit"));
        assertFalse(policy.permits(Set.of(Role.STAFF), "programs.edit"));
        assertFalse(policy.permits(Set.of(Role.CERTIFICATION_ADMIN), "enrollments.purge"));
    }

    @Test
    void studentRecordsIsNotStaff() {
        assertFalse(policy.permits(Set.of(Role.STUDENT_RECORDS), "programs.read"));
        assertTrue(policy.permits(Set.of(Role.STUDENT_RECORDS), "credentials.bulk"));
        assertFalse(policy.permits(Set.of(Role.STAFF), "credentials.bulk"));
    }

    @Test
    void definitionsOfOneNameAddUp() {
        assertTrue(policy.permits(Set.of(Role.CERTIFICATION_MANAGER), "credentials.bulk"));
    }

    @Test
    void sysadminHoldsEverythingAndUnknownPermissionsOnlySysadmin() {
        assertTrue(policy.permits(Set.of(Role.SYSADMIN), "enrollments.purge"));
        assertTrue(policy.permits(Set.of(Role.SYSADMIN), "no.such-permission"));
        assertFalse(policy.permits(Set.of(Role.CERTIFICATION_MANAGER), "no.such-permission"));
        assertFalse(policy.permits(Set.of(), "programs.read"));
    }

    @Test
    void permissionNamesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new PermissionDefinition("Programs", "", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new PermissionDefinition("a..b", "", Set.of()));
    }
}
