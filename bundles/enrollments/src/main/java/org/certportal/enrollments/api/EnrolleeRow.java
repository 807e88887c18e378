package org.certportal.enrollments.api;

import java.time.LocalDate;

/** One row of a program's enrollee list. */
public record EnrolleeRow(long enrollmentId, long contactId, String contactName, String externalId,
        CertificationStatus status, Standing standing, LocalDate enrolledOn, LocalDate expiresOn) {
}
