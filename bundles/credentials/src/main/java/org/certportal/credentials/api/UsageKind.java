package org.certportal.credentials.api;

/** What a usage event records: a view of the credentials page or one of its three exports. */
public enum UsageKind {
    PAGE_VIEW,
    EXPORT_PRE_PROCESSING,
    EXPORT_SUCCESSFUL,
    EXPORT_UNSUCCESSFUL
}
