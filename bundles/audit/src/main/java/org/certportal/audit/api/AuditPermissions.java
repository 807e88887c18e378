package org.certportal.audit.api;

/** Reading the audit log; writing needs no permission of its own (the change being audited was checked). */
public final class AuditPermissions {
    public static final String READ = "audit.read";

    private AuditPermissions() {
    }
}
