package org.certportal.completions.api;

import java.time.LocalDate;

/**
 * What staff enter to record a completion.
 *
 * @param offeringId  required when the requirement has offerings, null when it has none
 * @param completedOn required, not in the future, not before the enrollment date
 * @param grade       as the requirement grades: none, "pass"/"fail", or a number; blank when not known yet
 * @param file        optional; kept with every earlier one
 */
public record CompletionDraft(long requirementId, Long offeringId, LocalDate completedOn, String notes, String grade,
        Attachment file) {
}
