package org.certportal.credentials.api;

import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
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

    /** Credential types, highest precedence first. Demands {@link CredentialPermissions#READ} or {@link CredentialPermissions#GRANT}. */
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
     * The credential type a program grants, if it grants one. Demands {@link CredentialPermissions#READ} or
     * {@link CredentialPermissions#GRANT}.
     *
     * @since 1.2
     */
    Optional<ProgramGrant> programGrant(long programId);

    /**
     * Sets the program's option "grants a credential type" (replacing the one it had), audited. From then on
     * every earning of an enrollment in the program on or after {@code earnedFrom} becomes one achieved
     * credential (see {@link #syncEarned()}). Demands {@link CredentialPermissions#GRANT}.
     *
     * @param earnedFrom earnings before this date do not count; null means today
     * @throws IllegalArgumentException for an unknown program, type or school or authority; nothing changes
     * @since 1.2
     */
    ProgramGrant grantFromProgram(long programId, String typeCode, String issuingBodyCode, LocalDate earnedFrom);

    /**
     * Removes the program's option; achieved credentials it gave stay (pending ones can still be awarded).
     * Audited. Demands {@link CredentialPermissions#GRANT}.
     *
     * @return whether the program had the option
     * @since 1.2
     */
    boolean removeProgramGrant(long programId);

    /**
     * Brings the achieved credentials from earned enrollments up to date: every earning (enrollment and
     * cycle) in a granting program without one gets one, once; a pending one whose earning was undone is
     * withdrawn. Every search of the award (its count, its preview, its run) does this first, so no search
     * misses an earning. Demands {@link CredentialPermissions#AWARD}.
     *
     * @return how many achieved credentials were added
     * @since 1.2
     */
    int syncEarned();

    /**
     * Imports achieved credentials from CSV (header {@code student,type,achieved,session,school} and
     * optionally the student's mailing address {@code address_line1,address_line2,city,region,postal_code,country}).
     * Every row is checked first; if any row is bad nothing is imported and the report lists every bad
     * row by line. With {@code checkOnly} nothing is imported either way.
     */
    ImportReport importAchieved(Reader csv, boolean checkOnly);
}
