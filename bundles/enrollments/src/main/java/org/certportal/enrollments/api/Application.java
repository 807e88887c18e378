package org.certportal.enrollments.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A contact's application to a certification program.
 *
 * @param contactName  the contact's given and family name, as the contacts feature keeps it
 * @param programCode  the program's code
 * @param enrollmentId the contact's enrollment the application started (status Applied while the
 *                     application is open), or null once that enrollment was purged
 * @param appliedOn    the application date
 * @param decidedBy    the user who approved, rejected or withdrew it (null while open)
 * @param decidedAt    when (null while open)
 * @param reason       why it was rejected or withdrawn (null otherwise)
 * @param version      optimistic lock: pass it back to decide
 */
public record Application(long id, long contactId, String contactName, long programId, String programCode,
        Long enrollmentId, ApplicationStatus status, LocalDate appliedOn, String decidedBy, Instant decidedAt,
        String reason, long version) {
}
