package org.certportal.credentials.api;

/** Permissions the credential services check; all are held by Student Records (and SysAdmin). */
public final class CredentialPermissions {
    /** See credential types, achieved and awarded credentials and their document orders. */
    public static final String READ = "credentials.read";
    /** Search, preview and run the bulk award and order process. */
    public static final String AWARD = "credentials.award";
    /** Import achieved credentials from CSV. */
    public static final String IMPORT = "credentials.import";

    private CredentialPermissions() {
    }
}
