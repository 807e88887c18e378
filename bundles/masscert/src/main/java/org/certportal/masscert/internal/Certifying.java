package org.certportal.masscert.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.masscert.api.ConfirmationEmail.Wording;

/**
 * Certifying on payment: the enrollment earned through the enrollments API and the certified wording
 * queued, on the payment's connection, so it commits with the payment or not at all. (A run certifies a
 * whole chunk at once in {@link ApplicantChunk}.)
 */
final class Certifying {
    private final EnrollmentService enrollments;
    private final ContactService contacts;
    private final MailOutbox outbox;

    Certifying(EnrollmentService enrollments, ContactService contacts, MailOutbox outbox) {
        this.enrollments = enrollments;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    /** What was done, for the result files. @param emailedTo null when no email went */
    record Certified(Enrollment enrollment, String emailedTo) {
    }

    /** The fee of an enrollment awaiting payment is paid: earned on that day, the certified wording queued. */
    Certified paid(Connection c, long enrollmentId, LocalDate paidOn, String programName, boolean sendEmail)
            throws SQLException {
        return confirm(c, enrollments.markPaid(c, enrollmentId, paidOn), programName, sendEmail);
    }

    private Certified confirm(Connection c, Enrollment earned, String programName, boolean sendEmail)
            throws SQLException {
        String to = null;
        if (sendEmail) {
            Optional<Contact> who = contacts.find(earned.contactId());
            if (who.isPresent()) {
                to = queue(c, MassCertStore.template(c, Wording.CERTIFIED).render(who.get().email(),
                        ConfirmationTemplate.certified(name(who.get()), programName, earned.earnedOn(),
                                earned.expiresOn())));
            }
        }
        return new Certified(earned, to);
    }

    private String queue(Connection c, MailMessage m) {
        if (m == null) {
            return null;
        }
        outbox.queue(c, m);
        return m.to();
    }

    static String name(Contact c) {
        return (c.givenName() == null || c.givenName().isBlank() ? "" : c.givenName() + " ") + c.familyName();
    }
}
