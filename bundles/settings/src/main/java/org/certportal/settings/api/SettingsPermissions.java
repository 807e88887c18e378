package org.certportal.settings.api;

public final class SettingsPermissions {
    /** Change the organisation settings (reading needs only portal access). */
    public static final String EDIT = "settings.edit";

    private SettingsPermissions() {
    }
}
