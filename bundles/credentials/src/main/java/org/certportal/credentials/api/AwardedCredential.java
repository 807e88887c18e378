package org.certportal.credentials.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An awarded credential as staff look it up by number.
 *
 * @param studentId the student's external identifier (may be null)
 * @param replacesNumber the number of the credential it replaced, or null
 * @param replacedByNumber the number of the credential that replaced it, or null
 * @param documents its ordered documents, first issue first
 */
public record AwardedCredential(String number, CredentialStatus status, String statusReason, CredentialType type,
        long contactId, String studentId, String studentName, LocalDate achievedOn, String session,
        String issuingBody, LocalDate awardedOn, String awardedBy, Long runId, String replacesNumber,
        String replacedByNumber, List<DocumentItem> documents) {
    public AwardedCredential {
        documents = List.copyOf(documents);
    }
}
