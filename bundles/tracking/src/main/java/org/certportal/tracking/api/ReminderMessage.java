package org.certportal.tracking.api;

/** A reminder as one enrollee would receive it; {@code to} is null when the contact has no email address. */
public record ReminderMessage(String to, String subject, String body) {
}
