package org.certportal.masscert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.CompletionStep;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.masscert.internal.NextStep.Approval;
import org.certportal.masscert.internal.NextStep.Decision;
import org.certportal.masscert.internal.NextStep.Kind;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;

class NextStepTest {
    static final Requirement COURSE = requirement(1, "Ethics course", RequirementKind.COURSE, GradeType.NONE, null);
    static final Requirement EXAM = requirement(2, "Written exam", RequirementKind.EXAM, GradeType.NUMERIC,
            new BigDecimal("70"));
    static final Requirement CREDITS = requirement(3, "Education credits", RequirementKind.EDUCATION_CREDITS,
            GradeType.PASS_FAIL, null);
    static final LocalDate MAY = LocalDate.of(2026, 5, 10);
    static final LocalDate JUNE = LocalDate.of(2026, 6, 20);

    @Test
    void approvesThePendingExamAndCreditsThenCertifiesAFreeProgramOnTheDayTheLastWasMet() {
        Decision d = NextStep.decide(applicant(step(COURSE, 11, CompletionStatus.COMPLETE, null, MAY),
                step(EXAM, 12, CompletionStatus.AWAITING_APPROVAL, "82", JUNE),
                step(CREDITS, 13, CompletionStatus.AWAITING_APPROVAL, "pass", MAY)), BigDecimal.ZERO, "USD");
        assertEquals(Kind.CERTIFY, d.kind());
        assertEquals(List.of(new Approval(12, "Written exam"), new Approval(13, "Education credits")), d.approvals());
        assertEquals(JUNE, d.completeOn());
        assertEquals("approve Written exam, Education credits; certify (earned 2026-06-20)", d.summary());
    }

    @Test
    void aProgramWithAFeeGetsAnOrderForItInsteadOfTheCertification() {
        Decision d = NextStep.decide(applicant(step(EXAM, 12, CompletionStatus.AWAITING_APPROVAL, "70", JUNE)),
                new BigDecimal("150.00"), "CAD");
        assertEquals(Kind.ORDER, d.kind());
        assertEquals(new BigDecimal("150.00"), d.amount());
        assertEquals("CAD", d.currency());
        assertEquals(1, d.approvals().size());
        assertEquals("approve Written exam; order the fee of 150.00 CAD", d.summary());
    }

    @Test
    void anUnmetRequirementApprovesNothingAndSaysWhatIsMissing() {
        Decision d = NextStep.decide(applicant(step(COURSE, 0, CompletionStatus.NO_STATUS, null, null),
                step(EXAM, 12, CompletionStatus.AWAITING_APPROVAL, "82", JUNE)), BigDecimal.ZERO, "USD");
        assertEquals(Kind.NONE, d.kind());
        assertTrue(d.approvals().isEmpty(), "all or nothing per applicant");
        assertEquals("Not every requirement is met: Ethics course: no status.", d.reason());
    }

    @Test
    void aGradeBelowTheMinimumOrAFailDoesNotMeetTheRequirement() {
        Decision low = NextStep.decide(applicant(step(EXAM, 12, CompletionStatus.AWAITING_APPROVAL, "65.5", JUNE)),
                null, null);
        assertEquals("Not every requirement is met: Written exam: grade 65.5, at least 70 needed.", low.reason());
        Decision fail = NextStep.decide(applicant(step(CREDITS, 13, CompletionStatus.AWAITING_APPROVAL, "fail",
                JUNE)), null, null);
        assertEquals(Kind.NONE, fail.kind());
        assertTrue(fail.reason().contains("Education credits: grade fail"), fail.reason());
        assertNull(NextStep.unmet(EXAM, completion(12, "70", JUNE)), "the minimum itself passes");
    }

    @Test
    void onlyExamAndCreditCompletionsAreApprovedHere() {
        Requirement portfolio = new Requirement(4, 1, 4, "Portfolio", RequirementKind.DOCUMENT, GradeType.NONE, null,
                true, BigDecimal.ZERO, List.of());
        Decision d = NextStep.decide(applicant(step(portfolio, 14, CompletionStatus.AWAITING_APPROVAL, null, JUNE),
                step(EXAM, 12, CompletionStatus.AWAITING_APPROVAL, "90", JUNE)), null, null);
        assertEquals(Kind.NONE, d.kind());
        assertTrue(d.reason().contains("Portfolio: awaiting approval (only exam and education-credit"), d.reason());
    }

    @Test
    void appliedClosedAndWaitingApplicantsAreLeftAloneWithTheReason() {
        CompletionStep exam = step(EXAM, 12, CompletionStatus.AWAITING_APPROVAL, "90", JUNE);
        assertEquals("The application has not been approved yet (the enrollment is Applied).", NextStep.decide(
                new NextStep.Applicant(CertificationStatus.APPLIED, List.of(exam), null), null, null).reason());
        assertEquals("The enrollment is cancelled, not in progress.", NextStep.decide(new NextStep.Applicant(
                CertificationStatus.CANCELLED, List.of(exam), null), null, null).reason());
        Decision waiting = NextStep.decide(new NextStep.Applicant(CertificationStatus.IN_PROGRESS, List.of(exam), 77L),
                new BigDecimal("10"), "USD");
        assertEquals(Kind.NONE, waiting.kind());
        assertEquals("Waits for the payment of order 77.", waiting.reason());
    }

    @Test
    void everythingCompleteAlreadyStillMovesToTheNextStep() {
        Decision d = NextStep.decide(applicant(step(EXAM, 12, CompletionStatus.COMPLETE, "90", MAY)),
                new BigDecimal("25"), "USD");
        assertEquals(Kind.ORDER, d.kind());
        assertTrue(d.approvals().isEmpty());
    }

    @Test
    void aProgramAppliesWhenItHasAnExamOrCreditRequirement() {
        assertTrue(NextStep.applies(List.of(COURSE, EXAM)));
        assertTrue(NextStep.applies(List.of(CREDITS)));
        assertFalse(NextStep.applies(List.of(COURSE)));
        assertFalse(NextStep.applies(List.of()));
    }

    static Requirement requirement(long id, String title, RequirementKind kind, GradeType grade, BigDecimal min) {
        return new Requirement(id, 1, (int) id, title, kind, grade, min, kind != RequirementKind.COURSE,
                BigDecimal.ZERO, List.of());
    }

    @Test
    void anApplicantAwaitingPaymentWithoutAnOpenOrderIsOrderedWithNothingToApprove() {
        NextStep.Applicant met = new NextStep.Applicant(CertificationStatus.AWAITING_PAYMENT, List.of(step(EXAM, 12,
                CompletionStatus.COMPLETE, "90", MAY)), null);
        Decision d = NextStep.decide(met, new BigDecimal("150.00"), "CAD");
        assertEquals(Kind.ORDER, d.kind());
        assertTrue(d.approvals().isEmpty());
        assertEquals("order the fee of 150.00 CAD", d.summary());

        NextStep.Applicant ordered = new NextStep.Applicant(CertificationStatus.AWAITING_PAYMENT, met.steps(), 77L);
        assertEquals("Waits for the payment of order 77.", NextStep.decide(ordered, new BigDecimal("150.00"), "CAD")
                .reason(), "one open order at a time");
        Decision free = NextStep.decide(met, BigDecimal.ZERO, "CAD");
        assertEquals(Kind.NONE, free.kind(), "a fee removed meanwhile is not certified unpaid by a run");
        assertEquals("Awaits payment, but the certification has no fee now: a person decides.", free.reason());
    }

    static NextStep.Applicant applicant(CompletionStep... steps) {
        return new NextStep.Applicant(CertificationStatus.IN_PROGRESS, List.of(steps), null);
    }

    static CompletionStep step(Requirement r, long completionId, CompletionStatus status, String grade,
            LocalDate on) {
        Completion c = status == CompletionStatus.NO_STATUS ? null : new Completion(completionId, 100, r.id(), null, on,
                null, grade, status, null, "staff", null, null, null, 1);
        return new CompletionStep(r, c, status, true, List.of());
    }

    static Completion completion(long id, String grade, LocalDate on) {
        return new Completion(id, 100, 2, null, on, null, grade, CompletionStatus.AWAITING_APPROVAL, null, "staff",
                null, null, null, 1);
    }
}
