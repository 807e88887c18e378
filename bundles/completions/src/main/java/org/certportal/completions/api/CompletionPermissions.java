package org.certportal.completions.api;

/** Permissions the completion service checks; the roles holding each are in its permission provider. */
public final class CompletionPermissions {
    /** See progress and completions (Staff). */
    public static final String READ = "completions.read";
    /** Record completions and enter grades (Staff). */
    public static final String RECORD = "completions.record";
    /** Approve or reject completions that need staff approval (Certification Admin and up). */
    public static final String APPROVE = "completions.approve";
    /** Download attached files (Staff). */
    public static final String READ_FILES = "completions.read-files";
    /** Import completions from CSV (Certification Admin and up). */
    public static final String IMPORT = "completions.import";

    private CompletionPermissions() {
    }
}
