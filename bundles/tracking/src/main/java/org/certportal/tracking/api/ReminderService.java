package org.certportal.tracking.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The expiry reminder ladder: per program, with an organisation-wide default for programs without their
 * own, and the message templates. The daily expiry sends them through the mail outbox, each step at most
 * once per certification cycle. Reading demands {@link TrackingPermissions#READ}, changing and test-sending
 * {@link TrackingPermissions#MANAGE_REMINDERS}. Bad input throws IllegalArgumentException with a sentence
 * for the user and changes nothing.
 */
@ProviderType
public interface ReminderService {

    /** The organisation's default (not configured when none is stored). */
    ReminderPlan organisationDefault();

    /**
     * The reminders that apply to a program: its own, or the organisation's default (inherited).
     *
     * @throws IllegalArgumentException when there is no such program
     */
    ReminderPlan plan(long programId);

    /**
     * Stores a program's own reminders, or the organisation's default when {@code programId} is null; empty
     * lists of days mean no reminders (for a program: none, whatever the default says). Audited.
     */
    ReminderPlan save(Long programId, List<Integer> daysBefore, List<Integer> graceDays, String subject,
            String body);

    /** Removes a program's own reminders, so the organisation's default applies again. Audited. */
    void useDefault(long programId);

    /** Whether any program gets reminders (the default or a program's own ladder has a step). */
    boolean anyConfigured();

    /**
     * The reminder one enrollee of the program would receive today, rendered from the given templates
     * (null: the program's stored ones), with the contact's address.
     *
     * @throws IllegalArgumentException when the enrollment is not in this program, or a template is bad
     */
    ReminderMessage preview(long programId, long enrollmentId, String subject, String body);

    /**
     * Queues that reminder to the signed-in staff member's own address (never to the enrollee), through the
     * mail outbox.
     *
     * @return the address it was queued to
     * @throws IllegalArgumentException when the staff member has no email address
     */
    String testSend(long programId, long enrollmentId, String subject, String body);

    /** The reminders handled for one enrollment, newest first (the latest hundred). */
    List<SentReminder> sent(long enrollmentId);
}
