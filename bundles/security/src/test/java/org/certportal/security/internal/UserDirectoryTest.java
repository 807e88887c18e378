package org.certportal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.PortalUser;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
    @TempDir
    Path dir;
    private Path file;
    private SecurityServiceImpl security;
    private UserDirectoryImpl users;

    @BeforeEach
    void setUp() {
        file = dir.resolve("users.properties");
        Map<String, Object> config = TestConfigs.security(Map.of("usersFile", file.toString(), "demoUsers", true,
                "demoPassword", "demo-pass", "hashIterations", 10_000));
        security = new SecurityServiceImpl(config);
        security.addProvider(new PlatformPermissionProvider());
        users = new UserDirectoryImpl(security, config);
    }

    private static Subject as(String user, Role role) {
        Subject s = new Subject();
        s.getPrincipals().add(new UserPrincipal(user));
        s.getPrincipals().add(new RolePrincipal(role.id()));
        return s;
    }

    private <T> T asSysadmin(java.util.function.Supplier<T> work) {
        return security.callAs(as("sysadmin", Role.SYSADMIN), work);
    }

    @Test
    void demoUsersAreCreatedHashedAndCanSignIn() throws Exception {
        assertEquals(5, asSysadmin(users::list).size());
        String content = Files.readString(file);
        assertFalse(content.contains("demo-pass"), "passwords must be stored hashed");
        assertTrue(users.verify("staff", "demo-pass".toCharArray()).isPresent());
        assertTrue(users.verify("staff", "wrong-pass".toCharArray()).isEmpty());
        assertTrue(users.verify("nobody", "demo-pass".toCharArray()).isEmpty());
    }

    @Test
    void theUsersFileIsReadableByItsOwnerOnly() throws Exception {
        asSysadmin(() -> {
            users.setEnabled("staff", false);
            return null;
        });
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file),
                "password hashes are the owner's alone, whatever the umask");
    }

    @Test
    void anEditedOrEmptiedUsersFileNeverBringsTheDemoAccountsBack() throws Exception {
        Files.writeString(file, "# emptied by hand\n");
        // the demo start has switched demoUsers off again, the distribution never had it on
        Map<String, Object> off = TestConfigs.security(Map.of("usersFile", file.toString(), "demoUsers", false,
                "hashIterations", 10_000));
        assertTrue(asSysadmin(new UserDirectoryImpl(security, off)::list).isEmpty());
        // and even switched on, it only ever fills a users file that does not exist yet
        Map<String, Object> on = TestConfigs.security(Map.of("usersFile", file.toString(), "demoUsers", true,
                "demoPassword", "demo-pass", "hashIterations", 10_000));
        assertTrue(asSysadmin(new UserDirectoryImpl(security, on)::list).isEmpty());
        Files.delete(file);
        assertTrue(asSysadmin(new UserDirectoryImpl(security, off)::list).isEmpty(), "deleted, with demoUsers off");
        assertTrue(users.verify("staff", "demo-pass".toCharArray()).isEmpty());
    }

    @Test
    void emailAddressesAreCheckedKeptInTheFileAndReadByTheirOwner() throws Exception {
        String before = Files.readString(file);
        assertEquals("Email 'not-an-address' is not a valid address.", assertThrows(IllegalArgumentException.class,
                () -> asSysadmin(() -> users.add("bob", "Bob", "s3cret-pw".toCharArray(), Set.of(Role.STAFF),
                        "not-an-address"))).getMessage());
        assertEquals(before, Files.readString(file), "a refused add changes nothing");

        asSysadmin(() -> users.add("bob", "Bob; the Builder", "s3cret-pw".toCharArray(), Set.of(Role.STAFF),
                " bob@example.org "));
        asSysadmin(() -> users.setEmail("staff", "stella@example.org"));
        assertThrows(IllegalArgumentException.class, () -> asSysadmin(() -> users.setEmail("staff", "a@b")));
        assertThrows(AccessDeniedException.class, () -> security.callAs(as("staff", Role.STAFF),
                () -> users.setEmail("staff", "mine@example.org")), "only the users administrator sets addresses");

        // read back through a new directory on the same file: the addresses survived
        UserDirectoryImpl again = new UserDirectoryImpl(security, TestConfigs.security(Map.of("usersFile",
                file.toString(), "demoUsers", false, "hashIterations", 10_000)));
        PortalUser bob = asSysadmin(() -> again.find("bob")).orElseThrow();
        assertEquals("bob@example.org", bob.email());
        assertEquals("Bob; the Builder", bob.displayName(), "a ';' in a name does not shift the fields");
        assertEquals(java.util.Optional.of("stella@example.org"),
                security.callAs(as("staff", Role.STAFF), again::ownEmail), "the caller reads their own address");
        assertEquals(java.util.Optional.empty(), security.callAs(as("records", Role.STUDENT_RECORDS), again::ownEmail));
        assertThrows(AccessDeniedException.class, again::ownEmail, "not signed in");

        asSysadmin(() -> users.setEmail("staff", " "));
        assertEquals(null, asSysadmin(() -> again.find("staff")).orElseThrow().email(), "blank removes it");
        assertFalse(Files.readString(file).contains("stella@example.org"));
    }

    @Test
    void addsDisablesAndChangesRoles() {
        PortalUser added = asSysadmin(() -> users.add("alice", "Alice Example", "s3cret-pw".toCharArray(),
                Set.of(Role.CERTIFICATION_ADMIN)));
        assertEquals(Set.of(Role.CERTIFICATION_ADMIN), added.roles());
        assertTrue(users.verify("alice", "s3cret-pw".toCharArray()).isPresent());

        asSysadmin(() -> users.setEnabled("alice", false));
        assertTrue(users.verify("alice", "s3cret-pw".toCharArray()).isEmpty(), "disabled users cannot sign in");

        asSysadmin(() -> users.setRoles("alice", Set.of(Role.STAFF, Role.STUDENT_RECORDS)));
        assertEquals(Set.of(Role.STAFF, Role.STUDENT_RECORDS), asSysadmin(() -> users.find("alice")).orElseThrow().roles());
        assertThrows(AccessDeniedException.class, () -> users.find("alice"), "reading accounts needs the permission too");

        asSysadmin(() -> {
            users.resetPassword("alice", "another-pw".toCharArray());
            return null;
        });
        asSysadmin(() -> users.setEnabled("alice", true));
        assertTrue(users.verify("alice", "another-pw".toCharArray()).isPresent());
        assertTrue(users.verify("alice", "s3cret-pw".toCharArray()).isEmpty());
    }

    @Test
    void refusesCallersWithoutTheRoleAndChangesNothing() throws Exception {
        String before = Files.readString(file);
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> security.callAs(as("staff", Role.STAFF), () -> users.add("bob", null,
                        "password-1".toCharArray(), Set.of(Role.STAFF))));
        assertTrue(denied.getMessage().contains("users.admin"), denied.getMessage());
        assertThrows(AccessDeniedException.class, () -> users.list(), "nobody signed in");
        assertEquals(before, Files.readString(file));
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() throws Exception {
        String before = Files.readString(file);
        assertEquals("Password is too short: at least 8 characters.", assertThrows(IllegalArgumentException.class,
                () -> asSysadmin(() -> users.add("carol", null, "short".toCharArray(), Set.of(Role.STAFF))))
                .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> asSysadmin(() -> users.add("Carol!", null, "long-enough".toCharArray(), Set.of(Role.STAFF))));
        assertThrows(IllegalArgumentException.class,
                () -> asSysadmin(() -> users.add("carol", null, "long-enough".toCharArray(), Set.of())));
        assertThrows(IllegalArgumentException.class,
                () -> asSysadmin(() -> users.add("staff", null, "long-enough".toCharArray(), Set.of(Role.STAFF))));
        assertThrows(IllegalArgumentException.class,
                () -> asSysadmin(() -> users.add("carol", "x".repeat(101), "long-enough".toCharArray(),
                        Set.of(Role.STAFF))));
        assertThrows(IllegalArgumentException.class, () -> asSysadmin(() -> users.setEnabled("nobody", false)));
        assertThrows(IllegalArgumentException.class, () -> asSysadmin(() -> users.setEnabled("sysadmin", false)),
                "an administrator cannot lock themselves out");
        assertEquals(before, Files.readString(file));
    }

    @Test
    void aMalformedUsersFileFailsWithItsName() throws Exception {
        Path bad = dir.resolve("bad.properties");
        Files.writeString(bad, "eve = nohash\n");
        Map<String, Object> config = TestConfigs.security(Map.of("usersFile", bad.toString()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new UserDirectoryImpl(security, config));
        assertTrue(e.getMessage().contains("bad.properties") && e.getMessage().contains("eve"), e.getMessage());
    }

    @Test
    void currentCallerCarriesRoles() {
        var caller = security.callAs(as("carl", Role.CERTIFICATION_ADMIN), () -> security.currentCaller())
                .orElseThrow();
        assertEquals("carl", caller.userName());
        assertEquals(Set.of(Role.CERTIFICATION_ADMIN), caller.roles());
        assertTrue(security.currentCaller().isEmpty());
    }
}
