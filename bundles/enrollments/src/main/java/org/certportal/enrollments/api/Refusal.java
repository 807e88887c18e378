package org.certportal.enrollments.api;

/** A contact who was not enrolled, and why, in words for the user. */
public record Refusal(long contactId, String reason) {
}
