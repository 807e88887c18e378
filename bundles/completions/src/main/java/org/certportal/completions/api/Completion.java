package org.certportal.completions.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What an enrollee did for one requirement.
 *
 * @param offeringId  the offering it was met by, or null for the requirement itself
 * @param grade       as normalised by the requirement's grading ("pass", "fail", "87.5"), or null
 * @param reason      why it was rejected, or null
 * @param decidedBy   who approved or rejected it, or null
 * @param version     optimistic lock: pass it back to change the completion
 */
public record Completion(long id, long enrollmentId, long requirementId, Long offeringId, LocalDate completedOn,
        String notes, String grade, CompletionStatus status, String reason, String recordedBy, Instant recordedAt,
        String decidedBy, Instant decidedAt, long version) {
}
