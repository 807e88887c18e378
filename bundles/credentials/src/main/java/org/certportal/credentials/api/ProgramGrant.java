package org.certportal.credentials.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A program's option "grants a credential type": each earning of an enrollment in the program on or after
 * {@code earnedFrom} becomes one achieved credential of this type, from this school or authority, waiting to
 * be awarded like an imported one. Kept by the credentials area, set on the program's page; the programs
 * area knows nothing of it.
 *
 * @param programId  the program (its id in the programs area)
 * @param type       the credential type granted
 * @param issuingBodyCode the school or authority the achieved credentials name (the association)
 * @param earnedFrom earnings before this date do not count
 * @since 1.2
 */
public record ProgramGrant(long programId, CredentialType type, String issuingBodyCode, LocalDate earnedFrom,
        String setBy, Instant setAt) {
}
