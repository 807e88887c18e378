package org.certportal.security.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The portal's accounts. Every method demands {@link Permissions#USERS_ADMIN}.
 * Invalid input throws {@link IllegalArgumentException} with a clear message and changes nothing.
 */
@ProviderType
public interface UserDirectory {

    List<PortalUser> list();

    Optional<PortalUser> find(String userName);

    PortalUser add(String userName, String displayName, char[] password, Set<Role> roles);

    PortalUser setEnabled(String userName, boolean enabled);

    PortalUser setRoles(String userName, Set<Role> roles);

    void resetPassword(String userName, char[] newPassword);
}
