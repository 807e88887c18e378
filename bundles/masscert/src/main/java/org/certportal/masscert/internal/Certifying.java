package org.certportal.masscert.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.masscert.api.ConfirmationEmail.Wording;

/**
 * The two steps that end with an email, shared by the run and the payment: certifying (the enrollment
 * earned through the enrollments API, the certified wording queued) and telling an applicant about the
 * order to pay. Everything happens on the caller's connection, so it commits with the run's row or with
 * the payment, or not at all.
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

    Certified certify(Connection c, long enrollmentId, LocalDate earnedOn, String programName, boolean sendEmail)
            throws SQLException {
        return confirm(c, enrollments.markEarned(c, enrollmentId, earnedOn), programName, sendEmail);
    }

    /** The fee of an enrollment awaiting payment is paid: earned on that day, the certified wording queued. */
    Certified paid(Connection c, long enrollmentId, LocalDate paidOn, String programName, boolean sendEmail)
            throws SQLException {
        return confirm(c, enrollments.markPaid(c, enrollmentId, paidOn), programName, sendEmail);
    }

    /** Every requirement met in a certification with a fee: the enrollment awaits payment. */
    void awaitPayment(Connection c, long enrollmentId, LocalDate metOn) {
        Enrollment e = enrollments.markEarned(c, enrollmentId, metOn);
        if (e.status() != CertificationStatus.AWAITING_PAYMENT) {
            throw new IllegalStateException("Enrollment " + enrollmentId + " became " + e.status().title()
                    + " instead of awaiting payment: its certification has no fee under its rules.");
        }
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

    /** @return the address the order's email went to; null when none */
    String orderPlaced(Connection c, long contactId, String programName, String amount, String currency, long orderId)
            throws SQLException {
        Optional<Contact> who = contacts.find(contactId);
        if (who.isEmpty()) {
            return null;
        }
        Map<String, String> values = ConfirmationTemplate.ordered(name(who.get()), programName, amount, currency,
                orderId);
        return queue(c, MassCertStore.template(c, Wording.ORDERED).render(who.get().email(), values));
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
