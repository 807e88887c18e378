package org.certportal.tracking.api;

import java.time.LocalDate;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * One enrollment as the tracking list shows it.
 *
 * @param identifier the contact's external identifier, or null
 * @param status     the status as shown: the stored one, or Expiring for an Active certification within the
 *                   organisation's expiring-notice days of its expiration date
 * @param daysLeft   days from today to the expiration date (negative once past), or null without one
 * @param version    the enrollment's version, to change its status
 */
public record TrackingRow(long enrollmentId, long contactId, String contactName, String identifier, long programId,
        String programCode, String programName, CertificationStatus status, LocalDate enrolledOn, LocalDate earnedOn,
        LocalDate expiresOn, Integer daysLeft, long version) {
}
