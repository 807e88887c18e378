package org.certportal.tracking.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.certportal.security.api.PortalUser;
import org.certportal.security.api.Role;
import org.certportal.security.api.UserDirectory;

/** The signed-in staff member's own address, as the test sets it; the rest of the directory is not used. */
final class StaffAccounts implements UserDirectory {
    volatile String ownEmail;

    @Override
    public Optional<String> ownEmail() {
        return Optional.ofNullable(ownEmail);
    }

    @Override
    public List<PortalUser> list() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<PortalUser> find(String userName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PortalUser add(String userName, String displayName, char[] password, Set<Role> roles) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PortalUser add(String userName, String displayName, char[] password, Set<Role> roles, String email) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PortalUser setEnabled(String userName, boolean enabled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PortalUser setRoles(String userName, Set<Role> roles) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void resetPassword(String userName, char[] newPassword) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PortalUser setEmail(String userName, String email) {
        throw new UnsupportedOperationException();
    }
}
