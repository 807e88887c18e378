package org.certportal.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Permissions;
import org.certportal.security.api.PortalUser;
import org.certportal.security.api.Role;
import org.certportal.security.api.SecurityService;
import org.certportal.security.api.UserDirectory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accounts kept in a users file under etc/, passwords as salted PBKDF2 hashes. */
@Component(service = { UserDirectory.class, CredentialVerifier.class }, configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public class UserDirectoryImpl implements UserDirectory, CredentialVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(UserDirectoryImpl.class);

    private final SecurityService security;
    private final UserFile file;
    private final PasswordHasher hasher;
    // a hash to compare against when the user does not exist, so both cases take the same time
    private final String decoyHash;

    /** @param config etc/org.certportal.security.cfg, checked by {@link SecuritySettings} */
    @Activate
    public UserDirectoryImpl(@Reference SecurityService security, Map<String, Object> config) {
        SecuritySettings settings = SecuritySettings.accept(config);
        this.security = security;
        this.file = UserFile.configured(settings.usersFile());
        this.hasher = new PasswordHasher(settings.hashIterations());
        this.decoyHash = hasher.hash("decoy-password".toCharArray());
        if (settings.demoUsers() && !file.exists()) {
            createDemoUsers(settings.demoPassword().toCharArray());
        }
        file.read(); // a malformed file fails activation with its message, instead of every sign-in
    }

    private synchronized void createDemoUsers(char[] password) {
        Map<String, StoredUser> users = file.read();
        demo(users, "sysadmin", "Sam Sysadmin", password, Role.SYSADMIN);
        demo(users, "staff", "Stella Staff", password, Role.STAFF);
        demo(users, "certadmin", "Carl Certadmin", password, Role.CERTIFICATION_ADMIN);
        demo(users, "certmanager", "Maria Manager", password, Role.CERTIFICATION_MANAGER);
        demo(users, "records", "Rita Records", password, Role.STUDENT_RECORDS);
        file.write(users);
        LOG.info("Created {} demo users in the users file", users.size());
    }

    private void demo(Map<String, StoredUser> users, String name, String display, char[] pw, Role role) {
        users.putIfAbsent(name, new StoredUser(name, display, Set.of(role), true, hasher.hash(pw), null));
    }

    @Override
    public List<PortalUser> list() {
        security.require(Permissions.USERS_ADMIN);
        return file.read().values().stream().map(StoredUser::toPortalUser).toList();
    }

    @Override
    public Optional<PortalUser> find(String userName) {
        security.require(Permissions.USERS_ADMIN);
        return Optional.ofNullable(file.read().get(userName)).map(StoredUser::toPortalUser);
    }

    @Override
    public PortalUser add(String userName, String displayName, char[] password, Set<Role> roles) {
        return add(userName, displayName, password, roles, null);
    }

    @Override
    public synchronized PortalUser add(String userName, String displayName, char[] password, Set<Role> roles,
            String email) {
        security.require(Permissions.USERS_ADMIN);
        String name = UserRules.userName(userName);
        String address = UserRules.email(email);
        String display = UserRules.displayName(displayName, name);
        UserRules.password(password);
        Set<Role> checkedRoles = UserRules.roles(roles);
        Map<String, StoredUser> users = file.read();
        if (users.containsKey(name)) {
            throw new IllegalArgumentException("User '" + name + "' already exists.");
        }
        StoredUser user = new StoredUser(name, display, checkedRoles, true, hasher.hash(password), address);
        users.put(name, user);
        file.write(users);
        LOG.info("User '{}' added with roles {} by {}", name, checkedRoles, actor());
        return user.toPortalUser();
    }

    @Override
    public synchronized PortalUser setEnabled(String userName, boolean enabled) {
        security.require(Permissions.USERS_ADMIN);
        Map<String, StoredUser> users = file.read();
        StoredUser user = existing(users, userName).withEnabled(enabled);
        if (!enabled && user.userName().equals(actor())) {
            throw new IllegalArgumentException("You cannot disable your own account.");
        }
        users.put(user.userName(), user);
        file.write(users);
        LOG.info("User '{}' {} by {}", user.userName(), enabled ? "enabled" : "disabled", actor());
        return user.toPortalUser();
    }

    @Override
    public synchronized PortalUser setRoles(String userName, Set<Role> roles) {
        security.require(Permissions.USERS_ADMIN);
        Set<Role> checkedRoles = UserRules.roles(roles);
        Map<String, StoredUser> users = file.read();
        StoredUser user = existing(users, userName).withRoles(checkedRoles);
        users.put(user.userName(), user);
        file.write(users);
        LOG.info("User '{}' now has roles {} (set by {})", user.userName(), checkedRoles, actor());
        return user.toPortalUser();
    }

    @Override
    public synchronized void resetPassword(String userName, char[] newPassword) {
        security.require(Permissions.USERS_ADMIN);
        UserRules.password(newPassword);
        Map<String, StoredUser> users = file.read();
        StoredUser user = existing(users, userName).withPasswordHash(hasher.hash(newPassword));
        users.put(user.userName(), user);
        file.write(users);
        LOG.info("Password of user '{}' reset by {}", user.userName(), actor());
    }

    @Override
    public synchronized PortalUser setEmail(String userName, String email) {
        security.require(Permissions.USERS_ADMIN);
        String address = UserRules.email(email);
        Map<String, StoredUser> users = file.read();
        StoredUser user = existing(users, userName).withEmail(address);
        users.put(user.userName(), user);
        file.write(users);
        LOG.info("Email of user '{}' {} by {}", user.userName(), address == null ? "removed" : "set", actor());
        return user.toPortalUser();
    }

    @Override
    public Optional<String> ownEmail() {
        String me = security.currentCaller().orElseThrow(() -> new AccessDeniedException(
                "Not permitted: you are not signed in.", "signed in")).userName();
        return Optional.ofNullable(file.read().get(me)).map(StoredUser::email);
    }

    @Override
    public Optional<StoredUser> verify(String userName, char[] password) {
        StoredUser user = userName == null ? null : file.read().get(userName.trim());
        boolean matches = hasher.verify(password, user == null ? decoyHash : user.passwordHash());
        if (user == null || !matches) {
            return Optional.empty();
        }
        if (!user.enabled()) {
            LOG.info("Sign-in refused for disabled user '{}'", user.userName());
            return Optional.empty();
        }
        return Optional.of(user);
    }

    private static StoredUser existing(Map<String, StoredUser> users, String userName) {
        StoredUser user = users.get(userName == null ? "" : userName.trim());
        if (user == null) {
            throw new IllegalArgumentException("No user named '" + userName + "'.");
        }
        return user;
    }

    private String actor() {
        return security.currentCaller().map(c -> c.userName()).orElse("system");
    }

}
