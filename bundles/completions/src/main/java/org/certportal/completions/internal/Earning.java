package org.certportal.completions.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.certportal.audit.api.AuditLog;
import org.certportal.audit.api.Changes;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.programs.api.Requirement;

/**
 * Completing the last requirement earns the enrollment: marked earned by the enrollments feature on
 * the completion's own connection, the notification queued in the outbox on it too, and the audit
 * entry written there, so all of it commits or rolls back with the completion.
 */
final class Earning {
    private final EnrollmentService enrollments;
    private final ContactService contacts;
    private final MailOutbox outbox;
    private final AuditLog audit;

    Earning(EnrollmentService enrollments, ContactService contacts, MailOutbox outbox, AuditLog audit) {
        this.enrollments = enrollments;
        this.contacts = contacts;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * @param statuses by requirement id, as they are now in this transaction
     * @param dates    completion dates by requirement id: the enrollment is earned on the latest
     * @return whether the enrollment was earned
     */
    boolean earnIfComplete(Connection c, Enrollment e, String programName, List<Requirement> requirements,
            Map<Long, CompletionStatus> statuses, Map<Long, LocalDate> dates) {
        // a completion approved after the enrollment was closed (cancelled, ...) completes only itself
        if (e.status() != CertificationStatus.IN_PROGRESS || !OrderRules.allComplete(requirements, statuses)) {
            return false;
        }
        LocalDate earnedOn = requirements.stream().map(r -> dates.get(r.id())).max(Comparator.naturalOrder())
                .orElseThrow();
        Enrollment earned = enrollments.markEarned(c, e.id(), earnedOn);
        Optional<Contact> contact = contacts.find(e.contactId());
        String notified;
        MailMessage message = contact.map(who -> message(who, programName, earned)).orElse(null);
        if (message == null) {
            notified = "no valid email address: not notified";
        } else {
            outbox.queue(c, message);
            notified = message.to();
        }
        audit.record(c, CompletionServiceImpl.AUDIT_TYPE, "enrollment " + e.id(), "earned", Changes.of()
                .field("status", e.status(), earned.status()).field("earnedOn", null, earnedOn)
                .field("notified", null, notified));
        return true;
    }

    /** An enrollment that may have been completed, with what judging it needs. */
    record Candidate(Enrollment enrollment, String programName, List<Requirement> requirements,
            Map<Long, CompletionStatus> statuses, Map<Long, LocalDate> dates) {
    }

    /**
     * {@link #earnIfComplete} for many enrollments (imports): earned in one batch, each notified, one
     * audit entry for them all.
     *
     * @return how many were earned
     */
    int earnAll(Connection c, List<Candidate> candidates) {
        Map<Long, LocalDate> earnedOn = new HashMap<>();
        Map<Long, Candidate> byId = new HashMap<>();
        for (Candidate k : candidates) {
            if (k.enrollment().status() == CertificationStatus.IN_PROGRESS
                    && OrderRules.allComplete(k.requirements(), k.statuses())) {
                earnedOn.put(k.enrollment().id(), k.requirements().stream().map(r -> k.dates().get(r.id()))
                        .max(Comparator.naturalOrder()).orElseThrow());
                byId.put(k.enrollment().id(), k);
            }
        }
        if (earnedOn.isEmpty()) {
            return 0;
        }
        List<Enrollment> earned = enrollments.markEarned(c, earnedOn);
        Map<Long, Contact> people = contacts.findAll(earned.stream().map(Enrollment::contactId).toList());
        List<MailMessage> messages = new ArrayList<>();
        for (Enrollment e : earned) {
            Contact who = people.get(e.contactId());
            MailMessage message = who == null ? null : message(who, byId.get(e.id()).programName(), e);
            if (message != null) {
                messages.add(message);
            }
        }
        int notified = outbox.queueAll(c, messages);
        audit.record(c, CompletionServiceImpl.AUDIT_TYPE, "import", "earned " + earnedOn.size(), Changes.of()
                .field("enrollments", null, earnedOn.keySet().stream().sorted().map(String::valueOf)
                        .collect(Collectors.joining(","))).field("notified", null, notified)
                .field("not notified (no valid email address)", null, earnedOn.size() - notified));
        return earnedOn.size();
    }

    /** null when the contact has no usable address. */
    static MailMessage message(Contact contact, String programName, Enrollment earned) {
        if (contact.email() == null || contact.email().isBlank()) {
            return null;
        }
        String name = (contact.givenName() == null ? "" : contact.givenName() + " ") + contact.familyName();
        if (earned.status() == CertificationStatus.AWAITING_PAYMENT) {
            // a certification with a fee: met, not yet certified; the payment's own email confirms it
            return mail(contact, "All requirements of " + programName + " are complete", "Dear " + name + ",\n\n"
                    + "you have completed every requirement of " + programName + ". Your certification becomes"
                    + " active once its fee is paid.\n");
        }
        boolean review = earned.status() == CertificationStatus.ADMIN_REVIEW;
        String subject = review ? "All requirements of " + programName + " are complete"
                : "You are certified: " + programName;
        String body = "Dear " + name + ",\n\n" + (review
                ? "you have completed every requirement of " + programName + " on " + earned.earnedOn()
                        + ". An administrator will now review your certification; we will let you know.\n"
                : "you have completed every requirement of " + programName + " on " + earned.earnedOn()
                        + " and your certification is active" + (earned.expiresOn() == null ? ".\n"
                                : " until " + earned.expiresOn() + ".\n"));
        return mail(contact, subject, body);
    }

    private static MailMessage mail(Contact contact, String subject, String body) {
        try {
            return new MailMessage(contact.email(), subject.length() > MailMessage.MAX_SUBJECT
                    ? subject.substring(0, MailMessage.MAX_SUBJECT) : subject, body);
        } catch (IllegalArgumentException invalidAddress) {
            // a stored address that is not valid must not undo the completion
            return null;
        }
    }
}
