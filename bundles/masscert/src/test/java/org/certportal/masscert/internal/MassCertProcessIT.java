package org.certportal.masscert.internal;

import static org.certportal.masscert.internal.MassCertPortal.ENROLLED;
import static org.certportal.masscert.internal.MassCertPortal.FEE;
import static org.certportal.masscert.internal.MassCertPortal.FREE;
import static org.certportal.masscert.internal.MassCertPortal.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.Order;
import org.certportal.accounting.api.OrderStatus;
import org.certportal.completions.api.CompletionDraft;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.masscert.api.ConfirmationEmail;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.certportal.masscert.api.EmailPreview;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ChunkContext;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Caller;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mass certification on the real process engine and the real neighbouring services, on H2 and PostgreSQL. */
class MassCertProcessIT {
    private static final String STAFF = "certadmin@example.org";
    private MassCertPortal portal;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private MassCertPortal start(String db) throws SQLException {
        portal = new MassCertPortal(db);
        portal.contact(1, "Ada", "Lovelace", "ada@example.org");
        portal.contact(2, "Alan", "Turing", "alan@example.org");
        portal.contact(3, "Grace", "Hopper", null);
        portal.contact(4, "Edsger", "Dijkstra", "edsger@example.org");
        return portal;
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    /** Ada and Grace met everything (Grace has no email), Alan lacks the course; Edsger's exam waits for a grade. */
    private Map<String, Long> freeCohort() {
        portal.security.as(Role.CERTIFICATION_ADMIN);
        List<Enrollment> e = portal.enrollments.enroll(FREE, List.of(1L, 2L, 3L, 4L), ENROLLED).enrolled();
        Map<String, Long> ids = new HashMap<>();
        e.forEach(x -> ids.put(String.valueOf(x.contactId()), x.id()));
        record(ids.get("1"), 11, null, TODAY.minusDays(20));
        record(ids.get("1"), 12, "82", TODAY.minusDays(10));
        record(ids.get("2"), 12, "90", TODAY.minusDays(10));
        record(ids.get("3"), 11, null, TODAY.minusDays(15));
        record(ids.get("3"), 12, "70", TODAY.minusDays(5));
        record(ids.get("4"), 11, null, TODAY.minusDays(15));
        return ids;
    }

    private void record(long enrollmentId, long requirementId, String grade, java.time.LocalDate on) {
        portal.completions.record(enrollmentId, null, new CompletionDraft(requirementId, null, on, null, grade, null));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDryRunChangesNothingAndListsWhatWouldHappenPerPerson(String db) throws Exception {
        start(db);
        Map<String, Long> ids = freeCohort();
        ProcessRun preview = run(Map.of("program", "FREE"), RunOptions.preview());
        assertEquals(4, preview.total());
        assertEquals(2, preview.done());
        assertEquals(2, preview.skipped());
        List<CSVRecord> certified = file(preview, MassCertProcess.CERTIFIED);
        assertEquals(List.of("Ada Lovelace", "Grace Hopper"), certified.stream().map(r -> r.get("name")).toList());
        assertEquals("Written exam", certified.get(0).get("approved"));
        assertEquals(TODAY.minusDays(10).toString(), certified.get(0).get("earned_on"));
        List<CSVRecord> failed = file(preview, MassCertProcess.FAILED);
        assertEquals(List.of("Alan Turing: Not every requirement is met: Ethics course: no status.",
                "Edsger Dijkstra: Not every requirement is met: Written exam: no status."), failed.stream()
                        .map(r -> r.get("name") + ": " + r.get("reason")).toList());

        for (long id : ids.values()) {
            assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(id).orElseThrow().status());
        }
        assertEquals(3, portal.count("SELECT COUNT(*) FROM completion WHERE status = 'AWAITING_APPROVAL'"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM mail_outbox"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM audit_entry WHERE action IN ('approved', 'earned')"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFreeProgramsApplicantsBecomeActiveWithTheirConfirmationQueuedOnce(String db) throws Exception {
        start(db);
        Map<String, Long> ids = freeCohort();
        ProcessRun first = run(Map.of("program", "FREE", "send-email", "yes"), RunOptions.run().notifying(STAFF));
        assertEquals(2, first.done());
        assertEquals(1, portal.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = '" + STAFF + "' AND subject"
                + " LIKE 'Started: Mass certification%'"), "the starter hears when it starts");
        assertEquals(1, portal.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = '" + STAFF + "' AND subject"
                + " LIKE 'Completed: Mass certification%' AND body LIKE '%certified.csv: 2 rows%ordered.csv: 0 rows%"
                + "failed.csv: 2 rows%'"), "and when it ends, with the counts");
        portal.update("DELETE FROM mail_outbox WHERE recipient = ?", STAFF);
        Enrollment ada = portal.enrollments.find(ids.get("1")).orElseThrow();
        assertEquals(CertificationStatus.ACTIVE, ada.status());
        assertEquals(TODAY.minusDays(10), ada.earnedOn(), "earned when the last requirement was met");
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(ids.get("3")).orElseThrow().status());
        assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(ids.get("2")).orElseThrow().status());
        assertEquals(1, portal.count("SELECT COUNT(*) FROM completion WHERE status = 'AWAITING_APPROVAL'"),
                "Alan's exam is not approved: he lacks the course");
        assertEquals(List.of("ada@example.org: You are certified: Program FREE"), portal.strings("SELECT recipient"
                + " || ': ' || subject FROM mail_outbox"), "Grace has no address; nobody else is mailed");
        List<CSVRecord> certified = file(first, MassCertProcess.CERTIFIED);
        assertEquals("Active", certified.get(0).get("status"));
        assertEquals("ada@example.org", certified.get(0).get("emailed_to"));
        assertEquals("", certified.get(1).get("emailed_to"));

        // the same run's rows again, as a worker taking them over would: nothing happens twice
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            for (long id : ids.values()) {
                assertEquals(RowState.SKIPPED, portal.process.process(row(c, first), Applicants.key(id), false)
                        .state());
            }
            c.commit();
        }
        ProcessRun second = run(Map.of("program", "FREE"), RunOptions.run());
        assertEquals(2, second.total(), "the certified are no longer applicants");
        assertEquals(0, second.done());
        assertEquals(1, portal.count("SELECT COUNT(*) FROM mail_outbox"));
        assertEquals(2, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'completion' AND action ="
                + " 'approved'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFeeProgramsApplicantsGetOneOrderEachAndBecomeActiveWhenItIsPaid(String db) throws Exception {
        start(db);
        portal.security.as(Role.CERTIFICATION_MANAGER);
        Batch batch = portal.accounting.createBatch("Spring fees");
        // Ada and Alan approved, Grace's application is still under review, Edsger applied last year
        Application ada = apply(1, TODAY.minusDays(30), ApplicationStatus.APPROVED);
        Application alan = apply(2, TODAY.minusDays(25), ApplicationStatus.APPROVED);
        Application grace = apply(3, TODAY.minusDays(20), ApplicationStatus.UNDER_REVIEW);
        Application edsger = apply(4, TODAY.minusDays(400), ApplicationStatus.APPROVED);
        for (Application a : List.of(ada, alan, edsger)) {
            record(a.enrollmentId(), 21, "pass", TODAY.minusDays(3));
            record(a.enrollmentId(), 22, null, TODAY.minusDays(2));
        }
        Map<String, String> params = Map.of("program", "FEE", "statuses", "APPROVED,UNDER_REVIEW", "applied-from",
                TODAY.minusDays(90).toString(), "batch", String.valueOf(batch.id()));

        ProcessRun preview = run(params, RunOptions.preview());
        assertEquals(3, preview.total(), "Edsger applied before the date");
        assertEquals(List.of("Ada Lovelace 150.00 CAD", "Alan Turing 150.00 CAD"), file(preview,
                MassCertProcess.ORDERED).stream().map(r -> r.get("name") + " " + r.get("amount") + " "
                        + r.get("currency")).toList());
        assertEquals("The application has not been approved yet (the enrollment is Applied).",
                file(preview, MassCertProcess.FAILED).get(0).get("reason"));
        assertEquals(0, portal.accounting.totals(batch.id()).orders());

        ProcessRun run = run(params, RunOptions.run());
        assertEquals(2, run.done());
        List<Order> orders = portal.accounting.orders(batch.id(), null, PageRequest.first(10)).items();
        assertEquals(2, orders.size());
        for (Order o : orders) {
            assertEquals("masscert.certification", o.purpose());
            assertEquals(0, new BigDecimal("150").compareTo(o.amount()));
            assertEquals("CAD", o.currency(), "the program's currency");
            assertEquals(OrderStatus.UNPAID, o.status());
        }
        assertEquals(String.valueOf(ada.enrollmentId()), orders.get(0).reference());
        assertEquals(CertificationStatus.AWAITING_PAYMENT, status(ada), "waits for the payment");
        assertEquals(null, portal.enrollments.find(ada.enrollmentId()).orElseThrow().earnedOn());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion WHERE status = 'AWAITING_APPROVAL' AND"
                + " enrollment_id IN (" + ada.enrollmentId() + ", " + alan.enrollmentId() + ")"));
        assertEquals(List.of("ada@example.org: Program FEE: your certification fee",
                "alan@example.org: Program FEE: your certification fee"), portal.strings("SELECT recipient || ': ' ||"
                        + " subject FROM mail_outbox ORDER BY recipient"));
        assertEquals(String.valueOf(orders.get(0).id()), file(run, MassCertProcess.ORDERED).get(0).get("order_id"));

        ProcessRun again = run(params, RunOptions.run());
        assertEquals(0, again.done(), "no order twice");
        assertEquals(2, portal.accounting.totals(batch.id()).orders());
        assertTrue(file(again, MassCertProcess.FAILED).get(0).get("reason").startsWith("Waits for the payment of"
                + " order"));

        portal.security.as(Role.CERTIFICATION_MANAGER);
        assertEquals(1, portal.accounting.markPaid(List.of(orders.get(0).id()), TODAY.minusDays(1)));
        Enrollment paid = portal.enrollments.find(ada.enrollmentId()).orElseThrow();
        assertEquals(CertificationStatus.ACTIVE, paid.status());
        assertEquals(TODAY.minusDays(1), paid.earnedOn(), "certified on the day the payment was received");
        assertEquals(CertificationStatus.AWAITING_PAYMENT, status(alan));
        assertEquals(1, portal.count("SELECT COUNT(*) FROM mail_outbox WHERE subject = 'You are certified: Program"
                + " FEE'"));
        assertEquals(1, portal.count("SELECT COUNT(*) FROM masscert_waiting"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void approvingTheLastCompletionOfACertificationWithAFeeByHandLeavesItAwaitingPaymentAndARunOrdersIt(String db)
            throws Exception {
        start(db);
        portal.security.as(Role.CERTIFICATION_MANAGER);
        Batch batch = portal.accounting.createBatch("Walk-ins");
        Application ada = apply(1, TODAY.minusDays(30), ApplicationStatus.APPROVED);
        org.certportal.completions.api.Completion exam = portal.completions.record(ada.enrollmentId(), null,
                new CompletionDraft(21, null, TODAY.minusDays(3), null, "pass", null));
        org.certportal.completions.api.Completion credits = portal.completions.record(ada.enrollmentId(), null,
                new CompletionDraft(22, null, TODAY.minusDays(2), null, null, null));
        portal.security.as(Role.CERTIFICATION_ADMIN);
        for (org.certportal.completions.api.Completion c : List.of(exam, credits)) {
            portal.completions.approve(c.id(), c.version());
        }
        Enrollment met = portal.enrollments.find(ada.enrollmentId()).orElseThrow();
        assertEquals(CertificationStatus.AWAITING_PAYMENT, met.status(), "the last approval does not certify unpaid");
        assertEquals(null, met.earnedOn());
        assertEquals(List.of("ada@example.org: All requirements of Program FEE are complete"), portal.strings(
                "SELECT recipient || ': ' || subject FROM mail_outbox"), "not 'You are certified'");

        ProcessRun run = run(Map.of("program", "FEE", "batch", String.valueOf(batch.id())), RunOptions.run());
        assertEquals(1, run.done());
        assertEquals("", file(run, MassCertProcess.ORDERED).get(0).get("approved"), "nothing left to approve");
        Order order = portal.accounting.orders(batch.id(), null, PageRequest.first(10)).items().get(0);
        portal.security.as(Role.CERTIFICATION_MANAGER);
        portal.accounting.markPaid(List.of(order.id()), TODAY);
        assertEquals(CertificationStatus.ACTIVE, status(ada));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCancelledOrderReleasesTheApplicantStillAwaitingPaymentAndTheNextRunOrdersAgain(String db)
            throws Exception {
        start(db);
        portal.security.as(Role.CERTIFICATION_MANAGER);
        Batch batch = portal.accounting.createBatch("Spring fees");
        Application ada = apply(1, TODAY.minusDays(30), ApplicationStatus.APPROVED);
        record(ada.enrollmentId(), 21, "pass", TODAY.minusDays(3));
        record(ada.enrollmentId(), 22, null, TODAY.minusDays(2));
        Map<String, String> params = Map.of("program", "FEE", "batch", String.valueOf(batch.id()));
        run(params, RunOptions.run());
        Order first = portal.accounting.orders(batch.id(), null, PageRequest.first(10)).items().get(0);

        portal.security.as(Role.CERTIFICATION_MANAGER);
        assertEquals(1, portal.accounting.cancel(List.of(first.id()), "Wrong amount"));
        assertEquals(CertificationStatus.AWAITING_PAYMENT, status(ada), "met, the fee still due: not reopened");
        assertEquals(0, portal.count("SELECT COUNT(*) FROM masscert_waiting"), "no longer waits for that order");
        assertThrows(IllegalArgumentException.class, () -> portal.accounting.markPaid(List.of(first.id()), TODAY));

        ProcessRun preview = run(params, RunOptions.preview());
        assertEquals("Ada Lovelace", file(preview, MassCertProcess.ORDERED).get(0).get("name"),
                "the customer list shows the new order");
        ProcessRun again = run(params, RunOptions.run());
        assertEquals(1, again.done());
        List<Order> orders = portal.accounting.orders(batch.id(), null, PageRequest.first(10)).items();
        assertEquals(List.of(OrderStatus.CANCELLED, OrderStatus.UNPAID), orders.stream().map(Order::status).toList());
        portal.security.as(Role.CERTIFICATION_MANAGER);
        portal.accounting.markPaid(List.of(orders.get(1).id()), TODAY);
        assertEquals(CertificationStatus.ACTIVE, status(ada));

        // a cancellation the handler never heard of (mass certification was uninstalled then) is seen by the run
        Application alan = apply(2, TODAY.minusDays(30), ApplicationStatus.APPROVED);
        record(alan.enrollmentId(), 21, "pass", TODAY.minusDays(3));
        record(alan.enrollmentId(), 22, null, TODAY.minusDays(2));
        run(params, RunOptions.run());
        long alansOrder = portal.accounting.ordersFor("masscert.certification", List.of(String.valueOf(
                alan.enrollmentId()))).get(0).id();
        portal.update("UPDATE accounting_order SET status = 'CANCELLED', live_key = NULL WHERE id = ?", alansOrder);
        assertEquals(1, run(params, RunOptions.run()).done());
        assertEquals(2, portal.accounting.ordersFor("masscert.certification", List.of(String.valueOf(
                alan.enrollmentId()))).size());
    }

    /**
     * The chunk step itself, as the engine calls it: it must not throw for a chunk of ordinary applicants (the
     * engine would silently redo it row by row), and it does what the row step does for each of them.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theChunkStepOrdersAWholeChunkAtOnceWithoutFallingBackToRows(String db) throws Exception {
        start(db);
        portal.security.as(Role.CERTIFICATION_MANAGER);
        Batch batch = portal.accounting.createBatch("Spring fees");
        Application ada = apply(1, TODAY.minusDays(30), ApplicationStatus.APPROVED);
        Application alan = apply(2, TODAY.minusDays(25), ApplicationStatus.APPROVED);
        Application grace = apply(3, TODAY.minusDays(20), ApplicationStatus.UNDER_REVIEW);
        for (Application a : List.of(ada, alan)) {
            record(a.enrollmentId(), 21, "pass", TODAY.minusDays(3));
            record(a.enrollmentId(), 22, null, TODAY.minusDays(2));
        }
        Map<String, String> params = Map.of("program", "FEE", "batch", String.valueOf(batch.id()));
        ProcessRun preview = run(params, RunOptions.preview());
        List<String> keys = List.of(Applicants.key(ada.enrollmentId()), Applicants.key(alan.enrollmentId()),
                Applicants.key(grace.enrollmentId()));
        portal.security.as(Role.CERTIFICATION_ADMIN);
        List<Object[]> deferred = new ArrayList<>();
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            List<RowOutcome> outcomes = portal.process.processChunk(chunk(c, preview,
                    deferred), keys, false);
            assertEquals(List.of(RowState.DONE, RowState.DONE, RowState.SKIPPED), outcomes.stream()
                    .map(RowOutcome::state).toList());
            assertEquals(2, deferred.size(), "one waiting row per order, deferred into the chunk's batch");
            for (Object[] d : deferred) {
                try (PreparedStatement ps = c.prepareStatement((String) d[0])) {
                    Object[] values = (Object[]) d[1];
                    for (int i = 0; i < values.length; i++) {
                        ps.setObject(i + 1, values[i]);
                    }
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        assertEquals(CertificationStatus.AWAITING_PAYMENT, status(ada));
        assertEquals(CertificationStatus.AWAITING_PAYMENT, status(alan));
        assertEquals(2, portal.accounting.totals(batch.id()).orders());
        assertEquals(2, portal.count("SELECT COUNT(*) FROM masscert_waiting"));

        deferred.clear();
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            assertEquals(List.of(RowState.SKIPPED, RowState.SKIPPED, RowState.SKIPPED), portal.process.processChunk(
                    chunk(c, preview, deferred), keys, false).stream().map(RowOutcome::state)
                    .toList(), "the same chunk again: nobody is ordered twice");
            c.rollback();
        }
        assertEquals(List.of(), deferred);
        assertEquals(2, portal.accounting.totals(batch.id()).orders());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badParametersAreRefusedBeforeAnythingIsStored(String db) throws Exception {
        start(db);
        portal.security.as(Role.CERTIFICATION_MANAGER);
        Batch closed = portal.accounting.createBatch("Old fees");
        portal.accounting.closeBatch(closed.id());
        assertRefused("There is no certification with the code 'NOPE'.", Map.of("program", "NOPE"));
        assertRefused("Certification COURSE has no exam or education-credit requirements to approve.",
                Map.of("program", "COURSE"));
        assertRefused("Certification FREE has no related application: leave the application status and dates"
                + " empty.", Map.of("program", "FREE", "statuses", "APPROVED"));
        assertRefused("Accounting batch is required: certification FEE has a fee of 150.00 CAD.",
                Map.of("program", "FEE"));
        assertRefused("Accounting batch Old fees is closed; choose an open batch or create one.",
                Map.of("program", "FEE", "batch", String.valueOf(closed.id())));
        assertRefused("Accounting batch 999 does not exist.", Map.of("program", "FEE", "batch", "999"));
        assertRefused("Applied from (2026-02-01) is after applied through (2026-01-01).", Map.of("program", "FEE",
                "applied-from", "2026-02-01", "applied-through", "2026-01-01"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM process_run"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM process_schedule"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyCertificationStaffMayMassCertifyAndTheRunActsWithTheirRights(String db) throws Exception {
        start(db);
        freeCohort();
        portal.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> portal.engine.service().start("masscert",
                Map.of("program", "FREE"), RunOptions.preview()));
        portal.security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> portal.engine.service().start("masscert",
                Map.of("program", "FREE"), RunOptions.run()));
        // a run whose starter lost the right to select fails and changes nothing
        portal.security.as(Role.CERTIFICATION_ADMIN);
        long id = portal.engine.service().start("masscert", Map.of("program", "FREE"), RunOptions.run());
        portal.security.as(Role.STAFF);
        portal.engine.runUntilIdle();
        portal.security.as(Role.CERTIFICATION_ADMIN);
        assertEquals(RunState.FAILED, portal.engine.service().run(id).orElseThrow().state());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM enrollment WHERE status = 'ACTIVE'"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM mail_outbox"));
        portal.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> portal.accounting.markPaid(List.of(1L), null));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theFormOffersEligibleCertificationsAndAnEditedWordingIsPreviewedWithARealApplicantAndUsed(String db)
            throws Exception {
        start(db);
        Map<String, Long> ids = freeCohort();
        assertEquals(List.of("FEE", "FREE"), portal.service.certifications("", 10).stream()
                .map(org.certportal.programs.api.ProgramSummary::code).toList(), "not the course-only one");
        assertEquals(List.of("FEE"), portal.service.certifications("", 1).stream()
                .map(org.certportal.programs.api.ProgramSummary::code).toList(), "at most the limit");

        ConfirmationEmail standard = portal.service.template(Wording.CERTIFIED);
        assertEquals(portal.service.standardTemplate(Wording.CERTIFIED), standard);
        ConfirmationEmail edited = new ConfirmationEmail(Wording.CERTIFIED, "Welcome to {program}",
                "Hello {name}, certified on {earned}.");
        EmailPreview preview = portal.service.preview("FREE", edited).orElseThrow();
        assertEquals(ids.get("1"), preview.enrollmentId(), "the first applicant");
        assertEquals("ada@example.org", preview.to());
        assertEquals("Welcome to Program FREE", preview.subject());
        assertTrue(preview.body().startsWith("Hello Ada Lovelace, certified on "), preview.body());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM masscert_template"), "a preview saves nothing");

        assertThrows(IllegalArgumentException.class, () -> portal.service.saveTemplate(new ConfirmationEmail(
                Wording.CERTIFIED, "Fee {amount}", "x")));
        portal.service.saveTemplate(edited);
        assertEquals(edited.subject(), portal.service.template(Wording.CERTIFIED).subject());
        assertEquals(1, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'masscert-template'"));
        run(Map.of("program", "FREE"), RunOptions.run());
        assertEquals(List.of("Welcome to Program FREE"), portal.strings("SELECT subject FROM mail_outbox"));

        portal.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> portal.service.certifications("", 10));
        assertThrows(AccessDeniedException.class, () -> portal.service.saveTemplate(edited));
        assertThrows(AccessDeniedException.class, () -> portal.service.preview("FREE", edited));
    }

    private Application apply(long contactId, java.time.LocalDate on, ApplicationStatus decision) {
        Application a = portal.applications.submit(FEE, contactId, on);
        return decision == ApplicationStatus.SUBMITTED ? a : portal.applications.decide(a.id(), a.version(), decision,
                null);
    }

    private CertificationStatus status(Application a) {
        return portal.enrollments.find(a.enrollmentId()).orElseThrow().status();
    }

    private void assertRefused(String message, Map<String, String> params) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> portal.engine.service()
                .start("masscert", params, RunOptions.run()));
        assertEquals(message, e.getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> portal.engine.service().schedule(
                new org.certportal.process.api.ScheduleRequest("masscert", params, java.time.LocalDateTime.now()
                        .plusDays(30), null, null, RunOptions.run()))).getMessage());
    }

    private ProcessRun run(Map<String, String> params, RunOptions options) throws SQLException {
        portal.security.as(Role.CERTIFICATION_ADMIN);
        long id = portal.engine.service().start("masscert", params, options);
        portal.engine.runUntilIdle();
        ProcessRun r = portal.engine.service().run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, r.state(), String.valueOf(r.error()));
        return r;
    }

    private List<CSVRecord> file(ProcessRun run, String name) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(portal.engine.file(run.id(), name))).getRecords();
    }

    /** The chunk context the engine hands the chunk step: each row's deferred statements are collected. */
    private ChunkContext chunk(Connection c, ProcessRun run, List<Object[]> deferred) {
        Caller caller = portal.security.currentCaller().orElseThrow();
        return new ChunkContext() {
            @Override
            public Connection connection() {
                return c;
            }

            @Override
            public long runId() {
                return run.id();
            }

            @Override
            public ProcessParameters parameters() {
                return ProcessParameters.of(run.parameters());
            }

            @Override
            public Caller startedBy() {
                return caller;
            }

            @Override
            public RowContext row(String key) {
                RowContext row = MassCertProcessIT.this.row(c, run);
                return new RowContext() {
                    @Override
                    public Connection connection() {
                        return c;
                    }

                    @Override
                    public long runId() {
                        return run.id();
                    }

                    @Override
                    public ProcessParameters parameters() {
                        return row.parameters();
                    }

                    @Override
                    public Caller startedBy() {
                        return caller;
                    }

                    @Override
                    public void update(String sql, Object... values) {
                        deferred.add(new Object[] { sql, values });
                    }

                    @Override
                    public void write(String resultFile, Object... values) {
                    }
                };
            }
        };
    }

    /** The row context a worker hands the process, on a connection of the test's. */
    private RowContext row(Connection c, ProcessRun run) {
        Caller caller = portal.security.currentCaller().orElseThrow();
        return new RowContext() {
            @Override
            public Connection connection() {
                return c;
            }

            @Override
            public long runId() {
                return run.id();
            }

            @Override
            public ProcessParameters parameters() {
                return ProcessParameters.of(run.parameters());
            }

            @Override
            public Caller startedBy() {
                return caller;
            }

            @Override
            public void update(String sql, Object... values) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(String resultFile, Object... values) {
            }
        };
    }
}
