package org.certportal.security.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.certportal.security.api.Role;

/**
 * The portal realm's login module. Karaf's proxy module instantiates it from this bundle and hands
 * it the realm's options, which carry the credential verifier.
 */
public final class PortalLoginModule implements LoginModule {
    static final String VERIFIER_OPTION = "org.certportal.security.verifier";

    private Subject subject;
    private CallbackHandler handler;
    private CredentialVerifier verifier;
    private StoredUser user;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.handler = handler;
        this.verifier = (CredentialVerifier) options.get(VERIFIER_OPTION);
    }

    @Override
    public boolean login() throws LoginException {
        if (verifier == null) {
            throw new LoginException("The portal user directory is not available");
        }
        NameCallback name = new NameCallback("User name: ");
        PasswordCallback password = new PasswordCallback("Password: ", false);
        try {
            handler.handle(new Callback[] { name, password });
        } catch (Exception e) {
            throw new LoginException("Cannot read the credentials: " + e.getMessage());
        }
        char[] pw = password.getPassword() == null ? new char[0] : password.getPassword();
        try {
            user = verifier.verify(name.getName(), pw)
                    .orElseThrow(() -> new FailedLoginException("Wrong user name or password"));
        } finally {
            password.clearPassword();
        }
        return true;
    }

    @Override
    public boolean commit() {
        if (user == null) {
            return false;
        }
        added.add(new UserPrincipal(user.userName()));
        added.add(new DisplayNamePrincipal(user.displayName()));
        added.add(new AccountPrincipal(user.userName(), PortalAccounts.stamp(user)));
        for (Role role : user.roles()) {
            added.add(new RolePrincipal(role.id()));
        }
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        return logout();
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(added);
        added.clear();
        user = null;
        return true;
    }
}
