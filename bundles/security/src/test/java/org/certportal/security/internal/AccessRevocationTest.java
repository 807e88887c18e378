package org.certportal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.Permissions;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taking access away from a signed-in user takes effect on their next call, not at their next sign-in. */
class AccessRevocationTest {
    @TempDir
    Path dir;
    private SecurityServiceImpl security;
    private UserDirectoryImpl users;
    private final Subject sysadmin = new Subject();

    @BeforeEach
    void setUp() {
        Map<String, Object> config = TestConfigs.security(Map.of("usersFile", dir.resolve("users.properties").toString(),
                "demoUsers", true, "demoPassword", "demo-pass", "hashIterations", 10_000));
        security = new SecurityServiceImpl(config);
        security.addProvider(new PlatformPermissionProvider());
        users = new UserDirectoryImpl(security, config);
        sysadmin.getPrincipals().add(new UserPrincipal("root"));
        sysadmin.getPrincipals().add(new RolePrincipal(Role.SYSADMIN.id()));
    }

    /** Signs in the way the portal realm does: through the login module. */
    private Subject signIn(String user, String password) throws Exception {
        Subject subject = new Subject();
        PortalLoginModule module = new PortalLoginModule();
        module.initialize(subject, callbacks -> {
            for (var cb : callbacks) {
                if (cb instanceof NameCallback n) {
                    n.setName(user);
                } else if (cb instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        }, Map.of(), Map.of(PortalLoginModule.VERIFIER_OPTION, users));
        assertTrue(module.login());
        assertTrue(module.commit());
        return subject;
    }

    private void asSysadmin(Runnable work) {
        security.callAs(sysadmin, () -> {
            work.run();
            return null;
        });
    }

    @Test
    void aDisabledUserIsSignedOutAtTheirNextCall() throws Exception {
        Subject certadmin = signIn("certadmin", "demo-pass");
        assertEquals("certadmin", security.callerOf(certadmin).orElseThrow().userName());
        asSysadmin(() -> users.setEnabled("certadmin", false));
        assertTrue(security.callerOf(certadmin).isEmpty());
        AccessDeniedException refused = assertThrows(AccessDeniedException.class,
                () -> security.callAs(certadmin, () -> security.require(Permissions.PORTAL_ACCESS)));
        assertTrue(refused.getMessage().contains("not signed in"), refused.getMessage());
        asSysadmin(() -> users.setEnabled("certadmin", true));
        assertTrue(security.callerOf(certadmin).isPresent(), "enabled again, the same session may go on");
    }

    @Test
    void changedRolesApplyToTheOpenSessionAtOnce() throws Exception {
        Subject manager = signIn("certmanager", "demo-pass");
        assertTrue(security.callerOf(manager).orElseThrow().roles().contains(Role.CERTIFICATION_MANAGER));
        asSysadmin(() -> users.setRoles("certmanager", Set.of(Role.STAFF)));
        Caller demoted = security.callerOf(manager).orElseThrow();
        assertEquals(Set.of(Role.STAFF), demoted.roles());
        assertFalse(security.isPermitted(demoted, Permissions.USERS_ADMIN));
    }

    @Test
    void aPasswordResetEndsSessionsOpenedWithTheOldPassword() throws Exception {
        Subject before = signIn("staff", "demo-pass");
        asSysadmin(() -> users.resetPassword("staff", "a-new-password-1".toCharArray()));
        assertTrue(security.callerOf(before).isEmpty());
        assertTrue(security.callerOf(signIn("staff", "a-new-password-1")).isPresent());
    }

    @Test
    void workDoneLaterInSomeonesNameSeesTheirAccountAsItStandsNow() {
        Caller scheduledBy = new Caller("certmanager", "Maria Manager", Set.of(Role.CERTIFICATION_MANAGER));
        assertEquals(Set.of(Role.CERTIFICATION_MANAGER), security.standing(scheduledBy).orElseThrow().roles());
        asSysadmin(() -> users.setRoles("certmanager", Set.of(Role.STAFF)));
        assertEquals(Set.of(Role.STAFF), security.standing(scheduledBy).orElseThrow().roles());
        asSysadmin(() -> users.setEnabled("certmanager", false));
        assertTrue(security.standing(scheduledBy).isEmpty());
        Caller shellOperator = new Caller("admin", "admin", Set.of(Role.SYSADMIN));
        assertEquals(shellOperator, security.standing(shellOperator).orElseThrow(),
                "a Karaf shell user has no portal account to re-read");
    }
}
