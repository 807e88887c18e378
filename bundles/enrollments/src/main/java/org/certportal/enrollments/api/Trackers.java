package org.certportal.enrollments.api;

/**
 * The four progress trackers of a program on one day. {@code total} counts every enrollee in a
 * tracker (the sum of the four); cancelled, declined, inactive and not-completed enrollments count in none.
 */
public record Trackers(long total, long earned, long enrolledNotEarned, long gracePeriod, long expired) {
}
