package org.certportal.credentials.api;

/** Where an awarded credential stands. */
public enum CredentialStatus {
    /** Valid and held by the student. */
    AWARDED,
    /** Withdrawn, with a reason; its number is never given again. */
    REVOKED,
    /** Replaced by a higher credential awarded to the same student later (linked from the new one). */
    SUPERSEDED
}
