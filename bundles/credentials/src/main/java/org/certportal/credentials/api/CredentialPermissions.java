package org.certportal.credentials.api;

/** Permissions the credential services check; all but {@link #USAGE} are held by Student Records (and SysAdmin). */
public final class CredentialPermissions {
    /** See credential types, achieved and awarded credentials and their document orders. */
    public static final String READ = "credentials.read";
    /** Search, preview and run the bulk award and order process. */
    public static final String AWARD = "credentials.award";
    /** Import achieved credentials from CSV. */
    public static final String IMPORT = "credentials.import";

    /** Revoke awarded credentials, one or many (the process {@value CredentialService#REVOKE_PROCESS}). */
    public static final String REVOKE = "credentials.revoke";
    /** Reissue an awarded credential under a new number and order its reprint. */
    public static final String REISSUE = "credentials.reissue";
    /**
     * Set which credential type a program grants to those who earn it (Student Records, Certification
     * Manager).
     */
    public static final String GRANT = "credentials.grant";
    /** Read who used the credentials page and its exports (SysAdmin only). */
    public static final String USAGE = "credentials.usage";

    private CredentialPermissions() {
    }
}
