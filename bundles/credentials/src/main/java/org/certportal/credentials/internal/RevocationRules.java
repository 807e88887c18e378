package org.certportal.credentials.internal;

import java.util.Optional;

import org.certportal.credentials.api.CredentialStatus;

/**
 * Which awarded credentials may be revoked or reissued, and what a reason must be.
 * <ul>
 * <li>Only an AWARDED credential is revoked: a revoked one stays as it was (revoking twice would
 * overwrite the first reason), and a superseded one is no longer the student's valid credential: revoke
 * the one that replaced it.</li>
 * <li>Only an AWARDED credential is reissued. A revoked credential is not: revocation withdraws the
 * achievement's document for good, and a new number for it would undo that without a decision on record
 * (award again from a new achieved credential instead). A superseded one is not either: the credential
 * that replaced it is the one to reissue.</li>
 * <li>A reason is required, one line of at most {@value #MAX_REASON} characters.</li>
 * </ul>
 */
public final class RevocationRules {
    public static final int MAX_REASON = 500;

    private RevocationRules() {
    }

    /** Why this credential may not be revoked; empty when it may. */
    public static Optional<String> refuseRevoke(String number, CredentialStatus status, String replacedBy) {
        return switch (status) {
        case AWARDED -> Optional.empty();
        case REVOKED -> Optional.of(number + " is already revoked.");
        case SUPERSEDED -> Optional.of(number + " was superseded" + (replacedBy == null ? "" : " by " + replacedBy)
                + "; revoke the credential that replaced it.");
        };
    }

    /** Why this credential may not be reissued; empty when it may. */
    public static Optional<String> refuseReissue(String number, CredentialStatus status, String replacedBy) {
        return switch (status) {
        case AWARDED -> Optional.empty();
        case REVOKED -> Optional.of(number + " is revoked; a revoked credential is not reissued (award it again"
                + " from a new achieved credential if the revocation was wrong).");
        case SUPERSEDED -> Optional.of(number + " was superseded" + (replacedBy == null ? "" : " by " + replacedBy)
                + "; reissue the credential that replaced it.");
        };
    }

    /**
     * The reason, stripped.
     *
     * @throws IllegalArgumentException when it is missing, too long or more than one line
     */
    public static String reason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("A reason is required.");
        }
        if (r.length() > MAX_REASON) {
            throw new IllegalArgumentException("The reason is too long: at most " + MAX_REASON + " characters.");
        }
        if (r.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("The reason must be one line.");
        }
        return r;
    }
}
