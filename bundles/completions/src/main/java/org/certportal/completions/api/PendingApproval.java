package org.certportal.completions.api;

import java.time.LocalDate;

/** One row of the approvals queue. */
public record PendingApproval(long completionId, long version, long enrollmentId, String contactName,
        String externalId, long programId, String requirementTitle, LocalDate completedOn, String grade,
        String recordedBy) {
}
