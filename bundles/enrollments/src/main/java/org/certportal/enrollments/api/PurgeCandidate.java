package org.certportal.enrollments.api;

import java.time.LocalDate;

/** An enrollment that may be purged: cancelled, declined, inactive, not completed or expired. */
public record PurgeCandidate(long enrollmentId, long contactId, String contactName, String externalId,
        long programId, CertificationStatus status, LocalDate enrolledOn, LocalDate expiresOn) {
}
