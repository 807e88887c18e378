package org.certportal.masscert.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.certportal.accounting.api.AccountingService;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderRequest;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.EnrolleeProgress;
import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.certportal.masscert.api.MassCertification;
import org.certportal.masscert.internal.MassCertParameters.Criteria;
import org.certportal.masscert.internal.NextStep.Approval;
import org.certportal.masscert.internal.NextStep.Decision;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.programs.api.Program;

/**
 * Mass certification of a list of applicants at once (the engine's chunk, or one row when the engine
 * reruns a chunk row by row): every read is one call for the whole list (progress, waiting orders,
 * contacts, wordings) and every change one batched call per area (completions approved, enrollments
 * earned or awaiting payment, orders created, emails queued, waiting rows written), all on the caller's
 * connection so they commit with the rows' outcomes. Anything refused throws: the engine then rolls the
 * chunk back and reruns its rows one by one, where the refusal becomes that row's failure.
 */
final class ApplicantChunk {
    /** Mass certification's own statements of one row: deferred into the chunk's batches, or executed at once. */
    interface Writes {
        void update(String key, String sql, Object... values) throws SQLException;
    }

    /** The areas the run works through. */
    record Areas(EnrollmentService enrollments, CompletionService completions, AccountingService accounting,
            ContactService contacts, MailOutbox outbox) {
    }

    private final Areas areas;
    private final Connection c;
    private final long runId;
    private final Program program;
    private final Criteria criteria;
    private final LocalDate today;
    private final Instant now;
    private final Function<String, RowContext> rows;
    private final Writes writes;

    ApplicantChunk(Areas areas, Connection c, long runId, Program program, Criteria criteria, Instant now,
            LocalDate today, Function<String, RowContext> rows, Writes writes) {
        this.areas = areas;
        this.c = c;
        this.runId = runId;
        this.program = program;
        this.criteria = criteria;
        this.today = today;
        this.now = now;
        this.rows = rows;
        this.writes = writes;
    }

    /** One applicant with what the rule decided. */
    private record Applicant(String key, long enrollmentId, EnrolleeProgress progress, Decision decision) {
        long contactId() {
            return progress.enrollment().contactId();
        }

        String name() {
            return progress.contactName();
        }

        String approved() {
            return String.join("; ", decision.approvals().stream().map(Approval::requirement).toList());
        }

        LocalDate metOn(LocalDate today) {
            return decision.completeOn() == null ? today : decision.completeOn();
        }
    }

    /** @return one outcome per key, in the keys' order */
    List<RowOutcome> certify(List<String> keys, boolean dryRun) throws SQLException {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String key : keys) {
            ids.put(key, Applicants.enrollmentId(key));
        }
        Map<Long, EnrolleeProgress> progress = areas.completions().progressAll(ids.values());
        Map<Long, Long> waiting = waitingOrders(ids, progress, dryRun);
        String currency = MassCertProcess.currency(program);
        Map<String, RowOutcome> outcomes = new HashMap<>();
        List<Applicant> certify = new ArrayList<>();
        List<Applicant> order = new ArrayList<>();
        for (Map.Entry<String, Long> k : ids.entrySet()) {
            String key = k.getKey();
            long enrollmentId = k.getValue();
            EnrolleeProgress p = progress.get(enrollmentId);
            if (p == null) {
                rows.apply(key).write(MassCertProcess.FAILED, enrollmentId, "", "", "The enrollment no longer exists.");
                outcomes.put(key, RowOutcome.skipped("The enrollment no longer exists."));
                continue;
            }
            if (p.enrollment().programId() != program.id()) {
                outcomes.put(key, RowOutcome.failed("Enrollment " + enrollmentId + " is not in " + program.code()
                        + "."));
                continue;
            }
            Decision d = NextStep.decide(new NextStep.Applicant(p.enrollment().status(), p.steps(),
                    waiting.get(enrollmentId)), program.options().fee(), currency);
            Applicant a = new Applicant(key, enrollmentId, p, d);
            switch (d.kind()) {
                case NONE -> {
                    rows.apply(key).write(MassCertProcess.FAILED, enrollmentId, a.contactId(), a.name(), d.reason());
                    outcomes.put(key, RowOutcome.skipped(a.name() + ": " + d.reason()));
                }
                case CERTIFY -> certify.add(a);
                case ORDER -> order.add(a);
                default -> throw new IllegalStateException(d.kind().name());
            }
        }
        if (dryRun) {
            preview(certify, order, outcomes);
        } else {
            change(certify, order, outcomes);
        }
        return keys.stream().map(outcomes::get).toList();
    }

    /**
     * The order each applicant waits for. A waiting row whose order was cancelled while this area was not
     * installed (so its handler never heard) is released here: the applicant is ordered again.
     */
    private Map<Long, Long> waitingOrders(Map<String, Long> ids, Map<Long, EnrolleeProgress> progress,
            boolean dryRun) throws SQLException {
        Map<Long, MassCertStore.Waiting> found = MassCertStore.waitingAll(c, List.copyOf(progress.keySet()));
        Map<Long, Long> waiting = new HashMap<>();
        if (found.isEmpty()) {
            return waiting;
        }
        Set<Long> cancelled = new HashSet<>();
        for (Order o : areas.accounting().ordersFor(MassCertification.ORDER_PURPOSE, found.keySet().stream()
                .map(String::valueOf).toList())) {
            if (o.status() == OrderStatus.CANCELLED) {
                cancelled.add(o.id());
            }
        }
        for (Map.Entry<String, Long> k : ids.entrySet()) {
            MassCertStore.Waiting w = found.get(k.getValue());
            if (w == null) {
                continue;
            }
            if (!cancelled.contains(w.orderId())) {
                waiting.put(w.enrollmentId(), w.orderId());
            } else if (!dryRun) {
                writes.update(k.getKey(), MassCertStore.RELEASE, w.enrollmentId(), w.orderId());
            }
        }
        return waiting;
    }

    private void preview(List<Applicant> certify, List<Applicant> order, Map<String, RowOutcome> outcomes) {
        for (Applicant a : certify) {
            rows.apply(a.key()).write(MassCertProcess.CERTIFIED, a.enrollmentId(), a.contactId(), a.name(),
                    a.approved(), a.metOn(today), "", "", "");
            outcomes.put(a.key(), RowOutcome.done(a.name() + ": would " + a.decision().summary()));
        }
        for (Applicant a : order) {
            rows.apply(a.key()).write(MassCertProcess.ORDERED, a.enrollmentId(), a.contactId(), a.name(),
                    a.approved(), "", a.decision().amount().toPlainString(), a.decision().currency(),
                    criteria.batchId(), "");
            outcomes.put(a.key(), RowOutcome.done(a.name() + ": would " + a.decision().summary()));
        }
    }

    private void change(List<Applicant> certify, List<Applicant> order, Map<String, RowOutcome> outcomes)
            throws SQLException {
        approve(certify, order);
        Map<Long, LocalDate> earning = new LinkedHashMap<>();
        certify.forEach(a -> earning.put(a.enrollmentId(), a.metOn(today)));
        // met in a certification with a fee: the enrollment awaits payment through the one door of earning
        order.stream().filter(a -> a.progress().enrollment().status() == CertificationStatus.IN_PROGRESS)
                .forEach(a -> earning.put(a.enrollmentId(), a.metOn(today)));
        Map<Long, Enrollment> earned = new HashMap<>();
        if (!earning.isEmpty()) {
            areas.enrollments().markEarned(c, earning).forEach(e -> earned.put(e.id(), e));
        }
        for (Applicant a : order) {
            Enrollment e = earned.get(a.enrollmentId());
            if (e != null && e.status() != CertificationStatus.AWAITING_PAYMENT) {
                throw new IllegalStateException("Enrollment " + a.enrollmentId() + " became " + e.status().title()
                        + " instead of awaiting payment: its certification has no fee under its rules.");
            }
        }
        List<Long> orderIds = order.isEmpty() ? List.of() : areas.accounting().createOrders(c, order.stream()
                .map(a -> new OrderRequest(a.contactId(), MassCertification.ORDER_PURPOSE, String.valueOf(
                        a.enrollmentId()), shorten("Certification fee: " + program.name(), 200), a.decision().amount(),
                        a.decision().currency(), criteria.batchId())).toList());
        for (int i = 0; i < order.size(); i++) {
            Applicant a = order.get(i);
            writes.update(a.key(), MassCertStore.INSERT_WAITING, a.enrollmentId(), orderIds.get(i), runId,
                    criteria.sendEmail(), Timestamp.from(now));
        }
        Map<Long, String> emailed = criteria.sendEmail() ? email(certify, earned, order, orderIds) : Map.of();
        for (Applicant a : certify) {
            Enrollment e = earned.get(a.enrollmentId());
            String to = emailed.get(a.enrollmentId());
            rows.apply(a.key()).write(MassCertProcess.CERTIFIED, a.enrollmentId(), a.contactId(), a.name(),
                    a.approved(), e.earnedOn(), e.status().title(), nullToEmpty(e.expiresOn()), nullToEmpty(to));
            outcomes.put(a.key(), RowOutcome.done(a.name() + ": " + a.decision().summary() + emailed(to)));
        }
        for (int i = 0; i < order.size(); i++) {
            Applicant a = order.get(i);
            String to = emailed.get(a.enrollmentId());
            Decision d = a.decision();
            rows.apply(a.key()).write(MassCertProcess.ORDERED, a.enrollmentId(), a.contactId(), a.name(),
                    a.approved(), orderIds.get(i), d.amount().toPlainString(), d.currency(), criteria.batchId(),
                    nullToEmpty(to));
            outcomes.put(a.key(), RowOutcome.done(a.name() + ": " + d.summary() + " (order " + orderIds.get(i) + ")"
                    + emailed(to)));
        }
    }

    /** Every approval of the list through the completions API, in as few calls as it takes. */
    private void approve(List<Applicant> certify, List<Applicant> order) {
        List<Long> completionIds = new ArrayList<>();
        for (List<Applicant> list : List.of(certify, order)) {
            list.forEach(a -> a.decision().approvals().forEach(ap -> completionIds.add(ap.completionId())));
        }
        for (int from = 0; from < completionIds.size(); from += CompletionService.MAX_DECIDE) {
            areas.completions().approveWithoutEarning(c, completionIds.subList(from, Math.min(completionIds.size(),
                    from + CompletionService.MAX_DECIDE)));
        }
    }

    /**
     * The certified and the ordered wordings, each read once, queued in one call.
     *
     * @return the address each enrollment's email went to; none when the contact has no valid address
     */
    private Map<Long, String> email(List<Applicant> certify, Map<Long, Enrollment> earned, List<Applicant> order,
            List<Long> orderIds) throws SQLException {
        List<Long> contactIds = new ArrayList<>();
        certify.forEach(a -> contactIds.add(a.contactId()));
        order.forEach(a -> contactIds.add(a.contactId()));
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Contact> who = areas.contacts().findAll(contactIds);
        List<Long> enrollmentIds = new ArrayList<>();
        List<MailMessage> messages = new ArrayList<>();
        if (!certify.isEmpty()) {
            ConfirmationTemplate certified = MassCertStore.template(c, Wording.CERTIFIED);
            for (Applicant a : certify) {
                Contact p = who.get(a.contactId());
                Enrollment e = earned.get(a.enrollmentId());
                MailMessage m = p == null ? null : certified.render(p.email(), ConfirmationTemplate.certified(
                        Certifying.name(p), program.name(), e.earnedOn(), e.expiresOn()));
                if (m != null) {
                    enrollmentIds.add(a.enrollmentId());
                    messages.add(m);
                }
            }
        }
        if (!order.isEmpty()) {
            ConfirmationTemplate ordered = MassCertStore.template(c, Wording.ORDERED);
            for (int i = 0; i < order.size(); i++) {
                Applicant a = order.get(i);
                Contact p = who.get(a.contactId());
                MailMessage m = p == null ? null : ordered.render(p.email(), ConfirmationTemplate.ordered(
                        Certifying.name(p), program.name(), a.decision().amount().toPlainString(),
                        a.decision().currency(), orderIds.get(i)));
                if (m != null) {
                    enrollmentIds.add(a.enrollmentId());
                    messages.add(m);
                }
            }
        }
        Map<Long, String> to = new HashMap<>();
        if (!messages.isEmpty()) {
            // without the ids (unused here): an INSERT returning ids is sent row by row, 50,000 statements a run
            areas.outbox().queueAll(c, messages);
            for (int i = 0; i < messages.size(); i++) {
                to.put(enrollmentIds.get(i), messages.get(i).to());
            }
        }
        return to;
    }

    private String emailed(String to) {
        if (!criteria.sendEmail()) {
            return "";
        }
        return to == null ? "; no email: no valid address" : "; emailed " + to;
    }

    private static Object nullToEmpty(Object o) {
        return o == null ? "" : o;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
