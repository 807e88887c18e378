package org.certportal.contacts.api;

/** Permissions the contact service checks. */
public final class ContactPermissions {
    public static final String READ = "contacts.read";
    public static final String EDIT = "contacts.edit";

    private ContactPermissions() {
    }
}
