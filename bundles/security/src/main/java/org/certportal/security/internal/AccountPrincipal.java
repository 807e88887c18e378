package org.certportal.security.internal;

import java.security.Principal;
import java.util.Objects;

/**
 * Marks a subject signed in with a portal account, with a stamp of the password it signed in with:
 * every later call re-reads the account, so a disabled account, new roles or a reset password take
 * effect at once (Karaf shell users carry no such principal; their realm is Karaf's).
 */
final class AccountPrincipal implements Principal {
    private final String userName;
    private final String stamp;

    AccountPrincipal(String userName, String stamp) {
        this.userName = Objects.requireNonNull(userName);
        this.stamp = Objects.requireNonNull(stamp);
    }

    @Override
    public String getName() {
        return userName;
    }

    String stamp() {
        return stamp;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && other.userName.equals(userName) && other.stamp.equals(stamp);
    }

    @Override
    public int hashCode() {
        return userName.hashCode();
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + userName + "]";
    }
}
