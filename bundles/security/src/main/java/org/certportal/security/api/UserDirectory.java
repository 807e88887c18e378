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

    /** {@link #add(String, String, char[], Set)} with an email address (null for none), all checked first. */
    PortalUser add(String userName, String displayName, char[] password, Set<Role> roles, String email);

    PortalUser setEnabled(String userName, boolean enabled);

    PortalUser setRoles(String userName, Set<Role> roles);

    void resetPassword(String userName, char[] newPassword);

    /** Sets the user's email address; null or blank removes it. */
    PortalUser setEmail(String userName, String email);

    /**
     * The signed-in caller's own email address, for mail the portal sends them; asks no permission
     * beyond being signed in, and is empty when none is given.
     */
    Optional<String> ownEmail();
}
