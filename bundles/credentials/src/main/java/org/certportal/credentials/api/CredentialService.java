package org.certportal.credentials.api;

import java.io.Reader;
import java.util.List;
import java.util.Optional;

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

    /** Credential types, highest precedence first. */
    List<CredentialType> types();

    /** How many achieved-but-not-awarded credentials the criteria find (counted in the database). */
    long countAwardable(AwardCriteria criteria);

    /**
     * The awarded credential with this number.
     *
     * @throws IllegalArgumentException when the text is no well-formed number (the check digits catch a
     *         mistyped digit)
     */
    Optional<AwardedCredential> findByNumber(String number);

    /**
     * Imports achieved credentials from CSV (header {@code student,type,achieved,session,school} and
     * optionally the student's mailing address {@code address_line1,address_line2,city,region,postal_code,country}).
     * Every row is checked first; if any row is bad nothing is imported and the report lists every bad
     * row by line. With {@code checkOnly} nothing is imported either way.
     */
    ImportReport importAchieved(Reader csv, boolean checkOnly);
}
