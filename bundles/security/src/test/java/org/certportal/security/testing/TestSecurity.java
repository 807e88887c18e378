package org.certportal.security.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import javax.security.auth.Subject;

import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.security.api.SecurityService;

/**
 * The security service for tests of feature services outside OSGi: the caller is whoever the test
 * says ({@link #as(Role)}), and permissions come from the feature's own {@link PermissionProvider}s,
 * with the real role hierarchy. Signing in is not supported (that is the real service's job).
 */
public final class TestSecurity implements SecurityService {
    private final List<PermissionProvider> providers;
    private Caller caller;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<Role>> rolesNow = new ConcurrentHashMap<>();

    public TestSecurity(PermissionProvider... providers) {
        this.providers = List.of(providers);
    }

    /** From now on calls come from a user holding exactly this role (and the roles it includes). */
    public TestSecurity as(Role role) {
        caller = new Caller(role.id() + "-user", role.title() + " user", Set.of(role));
        return this;
    }

    /** The account is disabled from now on: {@link #standing(Caller)} finds it gone. */
    public TestSecurity disable(String userName) {
        disabled.add(userName);
        return this;
    }

    /** The account holds only these roles from now on: {@link #standing(Caller)} finds it with them. */
    public TestSecurity demote(String userName, Set<Role> roles) {
        rolesNow.put(userName, Set.copyOf(roles));
        return this;
    }

    /** From now on calls come from nobody signed in. */
    public TestSecurity anonymous() {
        caller = null;
        return this;
    }

    @Override
    public Optional<Caller> currentCaller() {
        return Optional.ofNullable(caller);
    }

    @Override
    public Caller require(String permission) {
        if (caller == null) {
            throw new AccessDeniedException("Not permitted: you are not signed in.", permission);
        }
        if (!isPermitted(caller, permission)) {
            throw new AccessDeniedException("Not permitted: user '" + caller.userName() + "' lacks the permission '"
                    + permission + "'.", permission);
        }
        return caller;
    }

    @Override
    public boolean isPermitted(String permission) {
        return caller != null && isPermitted(caller, permission);
    }

    @Override
    public boolean isPermitted(Caller who, String permission) {
        Set<Role> held = who.roles().stream().flatMap(r -> r.withIncluded().stream()).collect(java.util.stream.Collectors.toSet());
        // as in the real policy, SysAdmin holds every permission there is
        return providers.stream().flatMap(p -> p.permissions().stream())
                .anyMatch(d -> d.name().equals(permission)
                        && (held.contains(Role.SYSADMIN) || d.grantedTo().stream().anyMatch(held::contains)));
    }

    @Override
    public Subject signIn(String userName, char[] password, String clientAddress) {
        throw new UnsupportedOperationException("TestSecurity does not sign in; use as(role)");
    }

    @Override
    public Optional<Caller> callerOf(Subject subject) {
        return Optional.empty();
    }

    @Override
    public Optional<Caller> standing(Caller who) {
        if (disabled.contains(who.userName())) {
            return Optional.empty();
        }
        Set<Role> roles = rolesNow.get(who.userName());
        return Optional.of(roles == null ? who : new Caller(who.userName(), who.displayName(), roles));
    }

    @Override
    public <T> T callAs(Subject subject, Supplier<T> work) {
        return work.get();
    }

    @Override
    public Duration sessionIdleTimeout() {
        return Duration.ofMinutes(30);
    }
}
