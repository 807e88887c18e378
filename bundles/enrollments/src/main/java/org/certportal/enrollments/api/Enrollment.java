package org.certportal.enrollments.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A contact in a program.
 *
 * @param ruleVersion       the version of the program's rules this enrollment is judged by
 * @param cycle             1 for a first certification, then one more per recertification
 * @param gracePeriodBegins the completion deadline: from this day on the enrollee is in the grace period
 * @param expiresOn         not earned: the end of the grace period; earned: when the certification
 *                          expires (null: it does not)
 * @param earnedOn          when every requirement was complete, or null
 * @param statusChangedAt   when the status last changed (UTC)
 * @param version           optimistic lock: pass it back to change the enrollment
 */
public record Enrollment(long id, long contactId, long programId, int ruleVersion, int cycle, LocalDate enrolledOn,
        LocalDate gracePeriodBegins, LocalDate expiresOn, LocalDate earnedOn, CertificationStatus status,
        Instant statusChangedAt, long version) {
}
