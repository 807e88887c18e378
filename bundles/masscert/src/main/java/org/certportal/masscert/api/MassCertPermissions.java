package org.certportal.masscert.api;

/** Permissions mass certification checks; the roles holding each are in its permission provider. */
public final class MassCertPermissions {
    /**
     * Preview, run and schedule mass certifications, edit their confirmation templates (Certification
     * Admin and up). A run also needs the engine's {@code process.run}; what it does for each applicant
     * is checked again by the services it calls (approving completions, earning enrollments).
     */
    public static final String RUN = "masscert.run";

    private MassCertPermissions() {
    }
}
