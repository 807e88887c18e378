package org.certportal.security.api;

/** Permissions of the platform itself; feature areas define theirs through {@link PermissionProvider}. */
public final class Permissions {
    /** Sign in to the portal and see its home page. */
    public static final String PORTAL_ACCESS = "portal.access";
    /** Manage portal users and their roles. */
    public static final String USERS_ADMIN = "users.admin";

    private Permissions() {
    }
}
