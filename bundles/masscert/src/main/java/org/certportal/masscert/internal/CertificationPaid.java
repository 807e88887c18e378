package org.certportal.masscert.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderPaidHandler;
import org.certportal.completions.api.CompletionService;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailOutbox;
import org.certportal.masscert.api.MassCertification;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Paying a mass certification's order certifies the applicant: on the payment's connection and in its
 * transaction the enrollment is earned on the day the payment was received (Active, or Admin review when
 * the program says so), the certified email queued when the run sent confirmations, and the applicant no
 * longer waits; cancelling the order releases the applicant (still Awaiting payment) for a new order. A
 * refusal (the enrollment was cancelled meanwhile, say) rolls the whole payment back with
 * its sentence.
 */
@Component(service = OrderPaidHandler.class)
public class CertificationPaid implements OrderPaidHandler {
    private final Certifying certifying;
    private final EnrollmentService enrollments;
    private final ProgramService programs;

    @Activate
    public CertificationPaid(@Reference EnrollmentService enrollments, @Reference ContactService contacts,
            @Reference MailOutbox outbox, @Reference ProgramService programs, @Reference MassCertSchema schema) {
        this.certifying = new Certifying(enrollments, contacts, outbox);
        this.enrollments = enrollments;
        this.programs = programs;
    }

    @Override
    public String purpose() {
        return MassCertification.ORDER_PURPOSE;
    }

    @Override
    public void paid(Connection connection, Order order, java.time.LocalDate paidOn) throws SQLException {
        long enrollmentId;
        try {
            enrollmentId = Long.parseLong(order.reference());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Order " + order.id() + " names no enrollment ('" + order.reference()
                    + "').", e);
        }
        Optional<MassCertStore.Waiting> waiting = MassCertStore.waiting(connection, enrollmentId);
        if (waiting.isEmpty() || waiting.get().orderId() != order.id()) {
            throw new IllegalStateException("Enrollment " + enrollmentId + " does not wait for order " + order.id()
                    + "; it was certified otherwise or ordered again.");
        }
        String programName = enrollments.find(enrollmentId).flatMap(e -> programs.find(e.programId()))
                .map(Program::name).orElse(order.description());
        certifying.paid(connection, enrollmentId, paidOn, programName, waiting.get().sendEmail());
        MassCertStore.paid(connection, enrollmentId, order.id());
    }

    /**
     * The applicant stops waiting for this order but stays Awaiting payment: the requirements are met and the
     * fee is still due, so the next run of the certification orders again (or staff cancel the enrollment).
     */
    @Override
    public void cancelled(Connection connection, Order order, String reason) throws SQLException {
        try {
            MassCertStore.release(connection, Long.parseLong(order.reference()), order.id());
        } catch (NumberFormatException e) {
            // names no enrollment: nothing waits for it
        }
    }
}
