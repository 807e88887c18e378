package org.certportal.security.api;

/** The caller is not signed in or lacks a permission; nothing was changed. */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String permission;

    public AccessDeniedException(String message, String permission) {
        super(message);
        this.permission = permission;
    }

    /** The permission that was demanded. */
    public String permission() {
        return permission;
    }
}
