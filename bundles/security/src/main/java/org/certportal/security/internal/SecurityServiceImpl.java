package org.certportal.security.internal;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.PermissionDefinition;
import org.certportal.security.api.PermissionListener;
import org.certportal.security.api.PermissionProvider;
import org.certportal.security.api.Role;
import org.certportal.security.api.SecurityService;
import org.certportal.security.api.SignInFailedException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the caller from the JAAS subject of the current access-control context (set by the portal
 * for each request, by Karaf for each shell command) and checks permissions against the
 * definitions of all {@link PermissionProvider}s.
 */
@Component(configurationPid = SecurityConfig.PID)
public class SecurityServiceImpl implements SecurityService {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityServiceImpl.class);

    private final List<PermissionProvider> providers = new CopyOnWriteArrayList<>();
    private final List<PermissionListener> listeners = new CopyOnWriteArrayList<>();
    private volatile PermissionPolicy policy = PermissionPolicy.of(List.of());
    private volatile Duration idleTimeout;
    private volatile PortalAccounts accounts;
    private final SignInThrottle throttle;

    /** @param config etc/org.certportal.security.cfg, checked by {@link SecuritySettings} */
    @Activate
    public SecurityServiceImpl(Map<String, Object> config) {
        this(config, Clock.systemUTC());
    }

    SecurityServiceImpl(Map<String, Object> config, Clock clock) {
        this.throttle = new SignInThrottle(clock);
        modified(config);
    }

    @Modified
    void modified(Map<String, Object> config) {
        SecuritySettings settings = SecuritySettings.accept(config);
        idleTimeout = settings.sessionIdleTimeout();
        accounts = new PortalAccounts(UserFile.configured(settings.usersFile()));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeProvider")
    void addProvider(PermissionProvider provider) {
        providers.add(provider);
        rebuildPolicy();
    }

    void removeProvider(PermissionProvider provider) {
        providers.remove(provider);
        rebuildPolicy();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeListener")
    void addListener(PermissionListener listener) {
        listeners.add(listener);
    }

    void removeListener(PermissionListener listener) {
        listeners.remove(listener);
    }

    private void rebuildPolicy() {
        publishPolicy();
        for (PermissionListener l : listeners) {
            try {
                l.permissionsChanged();
            } catch (RuntimeException e) {
                LOG.warn("A permission listener failed: {}", e.toString());
            }
        }
    }

    // Synchronized: providers of bundles starting in parallel bind concurrently, and an unsynchronized
    // rebuild could publish a policy computed before the other provider was added.
    private synchronized void publishPolicy() {
        List<PermissionDefinition> all = new ArrayList<>();
        for (PermissionProvider p : providers) {
            try {
                all.addAll(p.permissions());
            } catch (RuntimeException e) {
                LOG.warn("Ignoring the permissions of a provider that failed: {}", e.toString());
            }
        }
        policy = PermissionPolicy.of(all);
    }

    @Override
    @SuppressWarnings("removal")
    public Optional<Caller> currentCaller() {
        return callerOf(Subject.getSubject(AccessController.getContext()));
    }

    @Override
    public Caller require(String permission) {
        Caller caller = currentCaller().orElseThrow(
                () -> new AccessDeniedException("Not permitted: you are not signed in.", permission));
        if (!isPermitted(caller, permission)) {
            throw new AccessDeniedException("Not permitted: user '" + caller.userName() + "' lacks the permission '"
                    + permission + "'.", permission);
        }
        return caller;
    }

    @Override
    public boolean isPermitted(String permission) {
        return currentCaller().map(c -> isPermitted(c, permission)).orElse(false);
    }

    @Override
    public boolean isPermitted(Caller caller, String permission) {
        return caller != null && policy.permits(caller.roles(), permission);
    }

    @Override
    public Subject signIn(String userName, char[] password, String clientAddress) throws SignInFailedException {
        Optional<Duration> wait = throttle.waitFor(userName, clientAddress);
        if (wait.isPresent()) {
            LOG.warn("Sign-in refused for '{}' from {}: too many failed attempts", loggable(userName),
                    loggable(clientAddress));
            throw new SignInFailedException(tooManyFailures(wait.get()));
        }
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JAAS loads Karaf's proxy module through the context class loader; this bundle imports it
        thread.setContextClassLoader(SecurityServiceImpl.class.getClassLoader());
        try {
            LoginContext login = new LoginContext(PortalRealm.NAME, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(userName);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password);
                    }
                }
            });
            login.login();
            throttle.succeeded(userName);
            return subject;
        } catch (LoginException e) {
            throttle.failed(userName, clientAddress);
            LOG.warn("Sign-in failed for '{}' from {}: {}", loggable(userName), loggable(clientAddress),
                    loggable(e.getMessage()));
            throw new SignInFailedException("Wrong user name or password.");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A portal account is read afresh on every call: gone, disabled or signed in with a password
     * since reset means nobody is signed in; its roles are those it holds now. A subject of the Karaf
     * shell's realm carries its roles itself.
     */
    @Override
    public Optional<Caller> callerOf(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Optional<AccountPrincipal> account = subject.getPrincipals(AccountPrincipal.class).stream().findFirst();
        if (account.isPresent()) {
            return accounts.find(account.get().getName()).filter(StoredUser::enabled)
                    .filter(u -> PortalAccounts.stamp(u).equals(account.get().stamp()))
                    .map(u -> new Caller(u.userName(), u.displayName(), u.roles()));
        }
        Optional<String> user = subject.getPrincipals(UserPrincipal.class).stream().map(UserPrincipal::getName)
                .findFirst();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        subject.getPrincipals(RolePrincipal.class).forEach(r -> Role.fromId(r.getName()).ifPresent(roles::add));
        String displayName = subject.getPrincipals(DisplayNamePrincipal.class).stream()
                .map(DisplayNamePrincipal::getName).findFirst().orElse(user.get());
        return Optional.of(new Caller(user.get(), displayName, roles));
    }

    @Override
    public Optional<Caller> standing(Caller caller) {
        Optional<StoredUser> account = accounts.find(caller.userName());
        if (account.isEmpty()) {
            return Optional.of(caller);
        }
        return account.filter(StoredUser::enabled).map(u -> new Caller(u.userName(), u.displayName(), u.roles()));
    }

    @Override
    @SuppressWarnings("removal")
    public <T> T callAs(Subject subject, Supplier<T> work) {
        return Subject.doAs(subject, (PrivilegedAction<T>) work::get);
    }

    /** What the sign-in form says while the account or the address must wait. */
    static String tooManyFailures(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        return "Too many failed sign-ins: try again in " + (seconds < 120 ? seconds + " seconds"
                : (seconds + 59) / 60 + " minutes") + ".";
    }

    /** What a client typed, on one short log line: a user name with a line break must not forge a second one. */
    static String loggable(String text) {
        if (text == null) {
            return "unknown";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
    }

    @Override
    public Duration sessionIdleTimeout() {
        return idleTimeout;
    }
}
