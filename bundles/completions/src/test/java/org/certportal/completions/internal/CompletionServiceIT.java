package org.certportal.completions.internal;

import static org.certportal.completions.internal.Portal.ENROLLED;
import static org.certportal.completions.internal.Portal.GRADED;
import static org.certportal.completions.internal.Portal.OFFERING;
import static org.certportal.completions.internal.Portal.ORDERED;
import static org.certportal.completions.internal.Portal.PLAIN;
import static org.certportal.completions.internal.Portal.REVIEWED;
import static org.certportal.completions.internal.Portal.TODAY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.stream.Stream;

import org.certportal.completions.api.ApprovalFilter;
import org.certportal.completions.api.Attachment;
import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionDraft;
import org.certportal.completions.api.CompletionFile;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.CompletionStep;
import org.certportal.completions.api.FileDownload;
import org.certportal.completions.api.PendingApproval;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.mail.api.MailMessage;
import org.certportal.mail.api.MailOutbox;
import org.certportal.mail.api.MailStatus;
import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The completion service on H2 and on the throwaway PostgreSQL, with the real enrollment service,
 * mail outbox and audit log on the same database: earning happens in the completion's transaction.
 */
class CompletionServiceIT {
    private static final byte[] PDF = "%PDF-1.4 tiny test document".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 };
    private Portal portal;
    private CompletionServiceImpl service;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        start(db, null);
    }

    private void start(String db, MailOutbox outbox) throws SQLException {
        portal = new Portal(db, outbox);
        service = portal.service;
        portal.contact(1, "S-1", "ada1@example.org");
        portal.contact(2, "S-2", null);
        portal.contact(3, "S-3", "ada3@example.org");
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    private static CompletionDraft draft(long requirementId, String grade) {
        return new CompletionDraft(requirementId, null, TODAY.minusDays(1), null, grade, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void gradesDecideTheStatusAndTheLastRequirementEarnsWithTheEmailInTheSameTransaction(String db) throws Exception {
        start(db);
        Enrollment e = portal.enroll(PLAIN, 1);

        Completion first = service.record(e.id(), null, new CompletionDraft(11, null, ENROLLED.plusDays(2), " notes ",
                null, null));
        assertEquals(CompletionStatus.COMPLETE, first.status());
        assertEquals("notes", first.notes());
        assertEquals("staff-user", first.recordedBy());
        assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(e.id()).orElseThrow().status(),
                "one of two requirements");

        Completion exam = service.record(e.id(), null, draft(12, null));
        assertEquals(CompletionStatus.AWAITING_GRADE, exam.status(), "pass/fail without a grade waits for it");
        Completion failed = service.grade(exam.id(), exam.version(), "FAIL");
        assertEquals(CompletionStatus.FAILED, failed.status());
        assertEquals("fail", failed.grade());
        assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(e.id()).orElseThrow().status(),
                "a failing grade does not complete");
        assertThrows(IllegalArgumentException.class, () -> service.grade(exam.id(), failed.version(), "maybe"));
        assertThrows(ConcurrentModificationException.class, () -> service.grade(exam.id(), exam.version(), "pass"));

        Completion passed = service.grade(exam.id(), failed.version(), "Pass");
        assertEquals(CompletionStatus.COMPLETE, passed.status());
        Enrollment earned = portal.enrollments.find(e.id()).orElseThrow();
        assertEquals(CertificationStatus.ACTIVE, earned.status());
        assertEquals(TODAY.minusDays(1), earned.earnedOn(), "earned on the latest completion date");
        assertEquals(List.of("ada1@example.org: You are certified: Program PLAIN"), portal.strings("SELECT"
                + " recipient || ': ' || subject FROM mail_outbox"));
        assertEquals(1, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'completion' AND action ="
                + " 'earned' AND changes LIKE '%ada1@example.org%'"));
        assertEquals(List.of("graded", "graded", "recorded", "recorded"), portal.strings("SELECT action FROM"
                + " audit_entry WHERE entity_type = 'completion' AND action <> 'earned' ORDER BY action"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRollbackAfterEarningUndoesTheCompletionTheEarnAndTheAudit(String db) throws Exception {
        MailOutbox failing = new FailingOutbox();
        start(db, failing);
        Enrollment e = portal.enroll(REVIEWED, 1);
        assertThrows(IllegalStateException.class, () -> service.record(e.id(), null, draft(41, null)));
        assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(e.id()).orElseThrow().status());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type IN ('completion',"
                + " 'enrollment') AND action <> 'enrolled 1'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void adminReviewProgramsEarnIntoAdminReviewAndContactsWithoutEmailAreNotMailed(String db) throws Exception {
        start(db);
        Enrollment withEmail = portal.enroll(REVIEWED, 1);
        Enrollment without = portal.enroll(REVIEWED, 2);
        service.record(withEmail.id(), null, draft(41, null));
        service.record(without.id(), null, draft(41, null));
        assertEquals(CertificationStatus.ADMIN_REVIEW, portal.enrollments.find(withEmail.id()).orElseThrow().status());
        assertEquals(CertificationStatus.ADMIN_REVIEW, portal.enrollments.find(without.id()).orElseThrow().status());
        assertEquals(List.of("ada1@example.org: All requirements of Program REVIEWED are complete"), portal.strings(
                "SELECT recipient || ': ' || subject FROM mail_outbox"));
        assertEquals(1, portal.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'earned' AND changes LIKE"
                + " '%not notified%'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void approvalQueueApprovesAndRejectsWithAReasonVisibleOnProgress(String db) throws Exception {
        start(db);
        Enrollment one = portal.enroll(GRADED, 1);
        Enrollment three = portal.enroll(GRADED, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(one.id(), null, draft(21, "80")))
                .getMessage().contains("Choose the offering"));
        assertThrows(IllegalArgumentException.class, () -> service.record(one.id(), null, new CompletionDraft(21, 999L,
                TODAY, null, "80", null)));
        Completion a = service.record(one.id(), null, new CompletionDraft(21, OFFERING, TODAY, null, "80", null));
        assertEquals(CompletionStatus.AWAITING_APPROVAL, a.status());
        assertEquals(OFFERING, a.offeringId());
        Completion low = service.record(three.id(), null, new CompletionDraft(21, OFFERING, TODAY, null, "69.5",
                null));
        assertEquals(CompletionStatus.FAILED, low.status(), "below the minimum: failed, not sent for approval");
        Completion b = service.record(three.id(), low.version(), new CompletionDraft(21, OFFERING, TODAY, null, "70",
                null));
        assertEquals(CompletionStatus.AWAITING_APPROVAL, b.status(), "recorded again at the minimum");

        assertThrows(AccessDeniedException.class, () -> service.pending(ApprovalFilter.none(), PageRequest.first(10)));
        assertThrows(AccessDeniedException.class, () -> service.approve(a.id(), a.version()));
        portal.security.as(Role.CERTIFICATION_ADMIN);
        Page<PendingApproval> queue = service.pending(ApprovalFilter.none(), PageRequest.first(10)
                .sortedBy(org.certportal.completions.api.CompletionService.SORT_NAME, true));
        assertEquals(2, queue.total());
        assertEquals(List.of("Ada Family1", "Ada Family3"), queue.items().stream().map(PendingApproval::contactName)
                .toList());
        assertEquals(2, service.pending(new ApprovalFilter(GRADED, "WRIT"), PageRequest.first(1)).total());
        assertEquals(0, service.pending(new ApprovalFilter(GRADED, "port"), PageRequest.first(10)).total());
        assertEquals(0, service.pending(new ApprovalFilter(PLAIN, null), PageRequest.first(10)).total());
        assertEquals(0, service.pending(new ApprovalFilter(null, "%"), PageRequest.first(10)).total(),
                "wildcards are plain text");

        assertThrows(IllegalArgumentException.class, () -> service.reject(a.id(), a.version(), " "));
        Completion rejected = service.reject(a.id(), a.version(), "Scan unreadable");
        assertEquals(CompletionStatus.REJECTED, rejected.status());
        assertEquals("certadmin-user", rejected.decidedBy());
        CompletionStep step = service.progress(one.id()).steps().get(0);
        assertEquals(CompletionStatus.REJECTED, step.status());
        assertEquals("Scan unreadable", step.completion().reason());
        assertTrue(step.recordable(), "a rejected completion may be recorded again");
        RequirementState state = new CompletionProgress(portal.jpa, portal.schema).states(one.id()).get(21L);
        assertEquals("Rejected: Scan unreadable", state.status(), "the enrollments progress shows the reason");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.approveAll(List.of(a.id(), b.id())))
                .getMessage().contains(String.valueOf(a.id())), "all or nothing");
        assertEquals(CompletionStatus.AWAITING_APPROVAL, service.progress(three.id()).steps().get(0).status());

        Completion again = service.record(one.id(), rejected.version(), new CompletionDraft(21, OFFERING, TODAY,
                null, "91", null));
        assertEquals(CompletionStatus.AWAITING_APPROVAL, again.status());
        assertNull(again.reason(), "a new attempt clears the old decision");
        assertEquals(2, service.approveAll(List.of(again.id(), b.id(), b.id())));
        assertEquals(0, service.pending(ApprovalFilter.none(), PageRequest.first(10)).total());
        assertEquals(CompletionStatus.COMPLETE, service.progress(one.id()).steps().get(0).status());
        assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(one.id()).orElseThrow().status(),
                "the portfolio is still missing");
        service.record(one.id(), null, draft(22, null));
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(one.id()).orElseThrow().status());

        Completion c3 = service.record(three.id(), null, draft(22, null));
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(three.id()).orElseThrow().status(),
                "approving earlier then completing the last one earns");
        assertEquals(CompletionStatus.COMPLETE, c3.status());
        assertEquals(1, service.rejectAll(List.of(service.record(portal.enroll(GRADED, 2).id(), null,
                new CompletionDraft(21, OFFERING, TODAY, null, "75", null)).id()), "Wrong sitting"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void approvingOnTheCallersConnectionLeavesEarningToTheCallerAndGoesWithItsRollback(String db) throws Exception {
        start(db);
        Enrollment one = portal.enroll(GRADED, 1);
        service.record(one.id(), null, draft(22, null));
        Completion exam = service.record(one.id(), null, new CompletionDraft(21, OFFERING, TODAY, null, "80", null));
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            assertThrows(AccessDeniedException.class, () -> service.approveWithoutEarning(c, List.of(exam.id())));
            portal.security.as(Role.CERTIFICATION_ADMIN);
            List<Completion> approved = service.approveWithoutEarning(c, List.of(exam.id(), exam.id()));
            assertEquals(List.of(CompletionStatus.COMPLETE), approved.stream().map(Completion::status).toList());
            assertEquals("certadmin-user", approved.get(0).decidedBy());
            c.rollback();
            assertEquals(CompletionStatus.AWAITING_APPROVAL, service.progress(one.id()).steps().get(0).status(),
                    "the caller's rollback undoes the approval");

            service.approveWithoutEarning(c, List.of(exam.id()));
            c.commit();
            assertTrue(assertThrows(IllegalArgumentException.class, () -> service.approveWithoutEarning(c,
                    List.of(exam.id()))).getMessage().contains("not awaiting approval"));
            assertThrows(IllegalArgumentException.class, () -> service.approveWithoutEarning(c, List.of()));
            c.rollback();
        }
        assertEquals(CompletionStatus.COMPLETE, service.progress(one.id()).steps().get(0).status());
        assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(one.id()).orElseThrow().status(),
                "every requirement complete, yet not earned: the caller takes the next step");
        assertEquals(0, portal.count("SELECT COUNT(*) FROM mail_outbox"));
        assertEquals(1, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'completion' AND action ="
                + " 'approved'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void inOrderProgramsRefuseARequirementWhosePredecessorsAreNotComplete(String db) throws Exception {
        start(db);
        Enrollment e = portal.enroll(ORDERED, 1);
        assertEquals(List.of(true, false, false), service.progress(e.id()).steps().stream()
                .map(CompletionStep::recordable).toList());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> service.record(e.id(), null, draft(33, null)));
        assertEquals("This program is taken in order: complete 1. First, 2. Second before Third.",
                refused.getMessage());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion"));
        service.record(e.id(), null, draft(31, null));
        assertEquals(List.of(false, true, false), service.progress(e.id()).steps().stream()
                .map(CompletionStep::recordable).toList());
        service.record(e.id(), null, draft(32, null));
        service.record(e.id(), null, draft(33, null));
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(e.id()).orElseThrow().status());
        assertEquals(List.of(false, false, false), service.progress(e.id()).steps().stream()
                .map(CompletionStep::recordable).toList(), "earned: nothing more to record");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCompleteCompletionIsReadOnly(String db) throws Exception {
        start(db);
        Enrollment e = portal.enroll(PLAIN, 1);
        Completion done = service.record(e.id(), null, draft(11, null));
        assertEquals(CompletionRules.READ_ONLY, assertThrows(IllegalArgumentException.class,
                () -> service.record(e.id(), done.version(), draft(11, null))).getMessage());
        assertEquals(CompletionRules.READ_ONLY, assertThrows(IllegalArgumentException.class,
                () -> service.grade(done.id(), done.version(), "pass")).getMessage());
        portal.security.as(Role.CERTIFICATION_ADMIN);
        assertEquals(CompletionRules.READ_ONLY, assertThrows(IllegalArgumentException.class,
                () -> service.reject(done.id(), done.version(), "no")).getMessage());
        assertEquals(done, service.progress(e.id()).steps().get(0).completion(), "unchanged");
        assertTrue(!service.progress(e.id()).steps().get(0).recordable());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badInputAndStaleVersionsChangeNothing(String db) throws Exception {
        start(db);
        Enrollment e = portal.enroll(PLAIN, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null,
                new CompletionDraft(11, null, TODAY.plusDays(1), null, null, null))).getMessage().contains("future"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null,
                new CompletionDraft(11, null, null, null, null, null))).getMessage().contains("required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null,
                new CompletionDraft(11, null, ENROLLED.minusDays(1), null, null, null))).getMessage()
                .contains("before the enrollment date"));
        assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null, draft(11, "pass")),
                "no grade for a requirement without grading");
        assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null, draft(99, null)));
        assertThrows(IllegalArgumentException.class, () -> service.record(999, null, draft(11, null)));
        Completion waiting = service.record(e.id(), null, draft(12, null));
        assertThrows(ConcurrentModificationException.class, () -> service.record(e.id(), null, draft(12, "pass")),
                "someone recorded it meanwhile");
        assertThrows(ConcurrentModificationException.class, () -> service.record(e.id(), waiting.version() + 1,
                draft(12, "pass")));
        assertEquals(1, portal.count("SELECT COUNT(*) FROM completion"));

        portal.security.as(Role.CERTIFICATION_ADMIN);
        Enrollment cancelled = portal.enroll(PLAIN, 3);
        portal.enrollments.cancel(cancelled.id(), cancelled.version(), null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(cancelled.id(), null,
                draft(11, null))).getMessage().contains("in progress"));
        assertTrue(service.progress(cancelled.id()).steps().stream().noneMatch(CompletionStep::recordable));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void filesAreCheckedFirstKeptAcrossRegradingAndDownloadedByPermittedStaffOnly(String db) throws Exception {
        start(db);
        Enrollment e = portal.enroll(PLAIN, 1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null,
                new CompletionDraft(12, null, TODAY, null, null, new Attachment("big.pdf", "application/pdf",
                        new byte[Portal.MAX_UPLOAD + 1])))).getMessage().contains("too large"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null,
                new CompletionDraft(12, null, TODAY, null, null, new Attachment("a.png", "image/png", PNG))))
                .getMessage().contains("not accepted"));
        // a page with script sent as a PDF: it would run in the session of the staff member who opened it
        byte[] page = "<!DOCTYPE html><html><script>fetch('/users')</script></html>".getBytes(StandardCharsets.UTF_8);
        String disguised = assertThrows(IllegalArgumentException.class, () -> service.record(e.id(), null,
                new CompletionDraft(12, null, TODAY, null, null, new Attachment("scan.pdf", "application/pdf", page))))
                .getMessage();
        assertTrue(disguised.startsWith("The file scan.pdf is not accepted: its content is an HTML or XML document"
                + " (sent as application/pdf)"), disguised);
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion"), "a refused upload changes nothing");
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion_file"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'completion'"));

        Completion c = service.record(e.id(), null, new CompletionDraft(12, null, TODAY, null, null,
                new Attachment("exam.pdf", "application/pdf", PDF)));
        Completion failed = service.grade(c.id(), c.version(), "fail");
        Completion again = service.record(e.id(), failed.version(), new CompletionDraft(12, null, TODAY, null, null,
                new Attachment("retake.pdf", "application/pdf",
                        "%PDF-1.4 retake".getBytes(StandardCharsets.US_ASCII))));
        service.grade(again.id(), again.version(), "pass");
        CompletionStep step = service.progress(e.id()).steps().get(1);
        assertEquals(List.of("retake.pdf", "exam.pdf"), step.files().stream().map(CompletionFile::name).toList(),
                "every version kept, newest first");
        CompletionFile first = step.files().get(1);
        assertEquals(PDF.length, first.size());
        assertEquals(FileStore.sha256(PDF), first.sha256());
        assertEquals("staff-user", first.uploadedBy());
        FileDownload download = service.download(first.id());
        assertArrayEquals(PDF, download.content());
        assertEquals("application/pdf", download.file().contentType());
        assertThrows(IllegalArgumentException.class, () -> service.download(999_999));
        portal.security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> service.download(first.id()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void purgingEnrollmentsDeletesTheirCompletionsAndFilesOnly(String db) throws Exception {
        start(db);
        Enrollment gone = portal.enroll(PLAIN, 1);
        Enrollment kept = portal.enroll(PLAIN, 3);
        service.record(gone.id(), null, new CompletionDraft(12, null, TODAY, null, null, new Attachment("a.pdf",
                "application/pdf", PDF)));
        service.record(gone.id(), null, draft(11, null));
        service.record(kept.id(), null, draft(11, null));
        CompletionDataOwner owner = new CompletionDataOwner(portal.schema);
        try (Connection c = portal.ds.getConnection()) {
            c.setAutoCommit(false);
            owner.purge(c, List.of(gone.id()));
            c.commit();
        }
        assertEquals(1, portal.count("SELECT COUNT(*) FROM completion"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion_file"));
        assertEquals(1, service.progress(kept.id()).steps().stream().filter(s -> s.completion() != null).count());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void callersWithoutThePermissionsAreRefused(String db) throws Exception {
        start(db);
        Enrollment e = portal.enroll(PLAIN, 1);
        portal.security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> service.progress(e.id()));
        assertThrows(AccessDeniedException.class, () -> service.record(e.id(), null, draft(11, null)));
        assertThrows(AccessDeniedException.class, () -> service.grade(1, 1, "pass"));
        assertThrows(AccessDeniedException.class, () -> service.approveAll(List.of(1L)));
        assertThrows(AccessDeniedException.class, () -> service.rejectAll(List.of(1L), "x"));
        portal.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> service.importCsv(new java.io.StringReader(""),
                org.certportal.completions.api.ImportMode.DRY_RUN));
        assertThrows(AccessDeniedException.class, () -> service.reject(1, 1, "x"));
        portal.security.anonymous();
        assertThrows(AccessDeniedException.class, () -> service.progress(e.id()));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void demoDataRecordsTheNextRequirementsOfEnrollmentsInProgress(String db) throws Exception {
        start(db);
        portal.enroll(PLAIN, 1);
        portal.enroll(PLAIN, 3);
        portal.enroll(GRADED, 1);
        portal.security.as(Role.SYSADMIN);
        String summary = new CompletionsDemoData(service, portal.ds).generate(5, 42);
        assertTrue(summary.startsWith("Recorded 5 demo completions"), summary);
        assertEquals(5, portal.count("SELECT COUNT(*) FROM completion"));
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion WHERE status IN ('FAILED', 'AWAITING_GRADE')"),
                "demo grades pass");
    }

    /** An outbox whose queueing fails: the completion that earned must roll back with everything else. */
    private static final class FailingOutbox implements MailOutbox {
        @Override
        public long queue(javax.persistence.EntityManager em, MailMessage message) {
            throw new IllegalStateException("outbox down");
        }

        @Override
        public long queue(Connection connection, MailMessage message) {
            throw new IllegalStateException("outbox down");
        }

        @Override
        public Page<OutboxEntry> search(MailStatus status, String recipientPrefix, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Optional<OutboxEntry> find(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resend(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long queueTestMessage(String to) {
            throw new UnsupportedOperationException();
        }
    }
}
