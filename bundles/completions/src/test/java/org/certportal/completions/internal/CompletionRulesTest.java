package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.certportal.completions.api.CompletionStatus;
import org.certportal.programs.api.GradeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompletionRulesTest {
    private static final GradeRules.Grade PASS = new GradeRules.Grade("pass", true);
    private static final GradeRules.Grade FAIL = new GradeRules.Grade("fail", false);
    private static final LocalDate ENROLLED = LocalDate.of(2025, 1, 10);
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Test
    void statusAfterRecordingFollowsGradeAndApproval() {
        assertEquals(CompletionStatus.COMPLETE, CompletionRules.status(GradeType.NONE, false, null));
        assertEquals(CompletionStatus.AWAITING_APPROVAL, CompletionRules.status(GradeType.NONE, true, null));
        for (GradeType graded : new GradeType[] { GradeType.PASS_FAIL, GradeType.NUMERIC }) {
            assertEquals(CompletionStatus.AWAITING_GRADE, CompletionRules.status(graded, false, null));
            assertEquals(CompletionStatus.AWAITING_GRADE, CompletionRules.status(graded, true, null),
                    "the grade comes before the approval");
            assertEquals(CompletionStatus.COMPLETE, CompletionRules.status(graded, false, PASS));
            assertEquals(CompletionStatus.AWAITING_APPROVAL, CompletionRules.status(graded, true, PASS));
            assertEquals(CompletionStatus.FAILED, CompletionRules.status(graded, false, FAIL));
            assertEquals(CompletionStatus.FAILED, CompletionRules.status(graded, true, FAIL),
                    "a failing grade is not sent for approval");
        }
    }

    @ParameterizedTest
    @EnumSource(value = CompletionStatus.class, names = "COMPLETE", mode = EnumSource.Mode.EXCLUDE)
    void everythingButCompleteMayBeRecordedAgain(CompletionStatus status) {
        CompletionRules.checkChangeable(status);
    }

    @Test
    void completeIsReadOnlyForEveryChange() {
        CompletionStatus c = CompletionStatus.COMPLETE;
        for (Runnable change : new Runnable[] { () -> CompletionRules.checkChangeable(c),
                () -> CompletionRules.checkGradable(c), () -> CompletionRules.approve(c),
                () -> CompletionRules.reject(c) }) {
            assertEquals(CompletionRules.READ_ONLY, assertThrows(IllegalArgumentException.class, change::run)
                    .getMessage());
        }
    }

    @Test
    void gradingIsForWaitingOrFailedCompletionsNotRejectedOnes() {
        CompletionRules.checkGradable(CompletionStatus.AWAITING_GRADE);
        CompletionRules.checkGradable(CompletionStatus.FAILED);
        CompletionRules.checkGradable(CompletionStatus.AWAITING_APPROVAL);
        CompletionRules.checkGradable(CompletionStatus.NO_STATUS);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompletionRules.checkGradable(
                CompletionStatus.REJECTED)).getMessage().contains("record it again"));
    }

    @ParameterizedTest
    @EnumSource(CompletionStatus.class)
    void onlyAwaitingApprovalIsApprovedOrRejected(CompletionStatus from) {
        if (from == CompletionStatus.AWAITING_APPROVAL) {
            assertEquals(CompletionStatus.COMPLETE, CompletionRules.approve(from));
            assertEquals(CompletionStatus.REJECTED, CompletionRules.reject(from));
        } else {
            assertThrows(IllegalArgumentException.class, () -> CompletionRules.approve(from));
            assertThrows(IllegalArgumentException.class, () -> CompletionRules.reject(from));
        }
    }

    @Test
    void theDateIsRequiredNotInTheFutureAndNotBeforeTheEnrollment() {
        assertEquals(TODAY, CompletionRules.checkDate(TODAY, ENROLLED, TODAY), "today is fine");
        assertEquals(ENROLLED, CompletionRules.checkDate(ENROLLED, ENROLLED, TODAY), "the enrollment day is fine");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompletionRules.checkDate(null, ENROLLED,
                TODAY)).getMessage().contains("required"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompletionRules.checkDate(TODAY.plusDays(1),
                ENROLLED, TODAY)).getMessage().contains("future"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompletionRules.checkDate(ENROLLED.minusDays(1),
                ENROLLED, TODAY)).getMessage().contains("before the enrollment date"));
    }

    @Test
    void notesAreOptionalAndLimited() {
        assertNull(CompletionRules.notes(" "));
        assertEquals("ok", CompletionRules.notes(" ok "));
        assertEquals(2000, CompletionRules.notes("x".repeat(2000)).length());
        assertThrows(IllegalArgumentException.class, () -> CompletionRules.notes("x".repeat(2001)));
    }

    @Test
    void aRejectionNeedsAReasonOfLimitedLength() {
        assertThrows(IllegalArgumentException.class, () -> CompletionRules.reason(null));
        assertThrows(IllegalArgumentException.class, () -> CompletionRules.reason("  "));
        assertEquals("blurred scan", CompletionRules.reason(" blurred scan "));
        assertEquals(500, CompletionRules.reason("x".repeat(500)).length());
        assertThrows(IllegalArgumentException.class, () -> CompletionRules.reason("x".repeat(501)));
    }
}
