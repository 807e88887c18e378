package org.certportal.programs.api;

/** Checked by the program services: Staff read programs; Certification Admins define them. */
public final class ProgramPermissions {
    public static final String READ = "programs.read";
    public static final String EDIT = "programs.edit";

    private ProgramPermissions() {
    }
}
