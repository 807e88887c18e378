package org.certportal.credentials.api;

import java.io.Reader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Credentials as staff and the shell use them. Reading demands {@link CredentialPermissions#READ},
 * importing {@link CredentialPermissions#IMPORT}, searching what to award {@link CredentialPermissions#AWARD}.
 * Awarding itself is the process {@value #AWARD_PROCESS} on the process engine. Bad input throws
 * {@link IllegalArgumentException} with a clear sentence and changes nothing.
 */
@ProviderType
public interface CredentialService {

    /** The id of the process type that awards and orders in bulk; its parameters are {@link AwardCriteria}'s. */
    String AWARD_PROCESS = "credentials-award";

    /**
     * The id of the process type that revokes many credentials at once; parameters {@code numbers}
     * (credential numbers separated by commas, semicolons or white space) and {@code reason}. Its dry
     * run says what would be revoked and changes nothing.
     *
     * @since 1.1
     */
    String REVOKE_PROCESS = "credentials.revoke";

    /** Credential types, highest precedence first. */
    List<CredentialType> types();

    /** How many achieved-but-not-awarded credentials the criteria find (counted in the database). */
    long countAwardable(AwardCriteria criteria);

    /**
     * Starts the award process for these criteria, as a preview (the pre-processing file, nothing changes)
     * or for real. A list of student identifiers too long for a process parameter is stored for the run
     * (up to 10,000 identifiers). Demands {@link CredentialPermissions#AWARD}.
     *
     * @return the run's id
     * @throws org.certportal.process.api.RunAlreadyActiveException when an award run is active; nothing is stored
     * @throws IllegalArgumentException for bad criteria
     * @since 1.1
     */
    long startAward(AwardCriteria criteria, boolean preview);

    /**
     * The criteria an award run (or preview) was started with, its stored list of identifiers included.
     * Demands {@link CredentialPermissions#AWARD}.
     *
     * @throws IllegalArgumentException for an unknown run or a run of another type
     * @since 1.1
     */
    AwardCriteria awardCriteria(long runId);

    /**
     * The awarded credential with this number.
     *
     * @throws IllegalArgumentException when the text is no well-formed number (the check digits catch a
     *         mistyped digit)
     */
    Optional<AwardedCredential> findByNumber(String number);

    /**
     * Revokes an awarded credential: its status becomes REVOKED with the reason, its documents not yet
     * printed are cancelled, and it is audited. Demands {@link CredentialPermissions#REVOKE}.
     *
     * @return the credential as it stands now
     * @throws IllegalArgumentException for a malformed number, wrong check digits (said as such), an unknown
     *         number, a missing or too long reason, or a credential that is not awarded (already revoked, or
     *         superseded); nothing changes
     * @since 1.1
     */
    AwardedCredential revoke(String number, String reason);

    /**
     * Reissues an awarded credential under a new number for the same achievement: the old one becomes
     * SUPERSEDED (kept, linked from the new one), and a reprint of the document is ordered where the
     * delivery rules allow. Audited. Demands {@link CredentialPermissions#REISSUE}. A revoked or superseded
     * credential is not reissued.
     *
     * @throws IllegalArgumentException as {@link #revoke}; nothing changes
     * @since 1.1
     */
    Reissued reissue(String number, String reason);

    /**
     * The counts of a finished award run (not a preview): awarded and ordered, awarded not ordered, not
     * awarded, failed. Demands {@link CredentialPermissions#AWARD}.
     *
     * @throws IllegalArgumentException for an unknown run or a run of another type
     * @since 1.1
     */
    AwardSummary awardSummary(long runId);

    /**
     * Records that the caller viewed the credentials page or downloaded one of its files. Demands
     * {@link CredentialPermissions#READ}.
     *
     * @param runId the run concerned, or null
     * @since 1.1
     */
    void recordUsage(UsageKind kind, Long runId);

    /**
     * Usage events, newest first, paged in the database; only those at or after {@code since} when given.
     * Demands {@link CredentialPermissions#USAGE}.
     *
     * @since 1.1
     */
    Page<UsageEvent> usage(Instant since, PageRequest page);

    /**
     * Imports achieved credentials from CSV (header {@code student,type,achieved,session,school} and
     * optionally the student's mailing address {@code address_line1,address_line2,city,region,postal_code,country}).
     * Every row is checked first; if any row is bad nothing is imported and the report lists every bad
     * row by line. With {@code checkOnly} nothing is imported either way.
     */
    ImportReport importAchieved(Reader csv, boolean checkOnly);
}
