package org.certportal.tracking.api;

import java.util.List;

/**
 * The expiry reminders of a program, or the organisation's default for programs without their own.
 *
 * @param programId      the program; null for the organisation's default
 * @param daysBefore     days before the expiration date a reminder is due, farthest first; empty: none
 * @param graceDays      days into the grace period a reminder is due, earliest first; empty: none
 * @param subject        the subject template; placeholders {name}, {program}, {expires}, {daysLeft}
 * @param body           the message template, with the same placeholders
 * @param inherited      true when the program has no reminders of its own and this is the default
 * @param configured     false when nothing is stored (then no reminders are sent and the templates are the
 *                       suggested ones)
 */
public record ReminderPlan(Long programId, List<Integer> daysBefore, List<Integer> graceDays, String subject,
        String body, boolean inherited, boolean configured) {
    public ReminderPlan {
        daysBefore = List.copyOf(daysBefore);
        graceDays = List.copyOf(graceDays);
    }

    /** Whether any reminder is sent under this plan. */
    public boolean sendsReminders() {
        return configured && !(daysBefore.isEmpty() && graceDays.isEmpty());
    }
}
