package org.certportal.credentials.api;

/**
 * What a reissue did.
 *
 * @param credential the new credential, linked to the one it replaces ({@link AwardedCredential#replacesNumber()})
 * @param notOrderedReason why no reprint could be ordered (e.g. no valid address); null when it was ordered
 */
public record Reissued(AwardedCredential credential, String notOrderedReason) {
    public boolean ordered() {
        return notOrderedReason == null;
    }
}
