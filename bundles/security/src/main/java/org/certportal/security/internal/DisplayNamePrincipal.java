package org.certportal.security.internal;

import java.security.Principal;
import java.util.Objects;

/** Carries the account's display name in the subject, so the portal need not look it up per request. */
final class DisplayNamePrincipal implements Principal {
    private final String name;

    DisplayNamePrincipal(String name) {
        this.name = Objects.requireNonNull(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisplayNamePrincipal other && other.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "DisplayNamePrincipal[" + name + "]";
    }
}
