package org.certportal.enrollments.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.ADMIN_REVIEW;
import static org.certportal.enrollments.api.CertificationStatus.APPLIED;
import static org.certportal.enrollments.api.CertificationStatus.AWAITING_PAYMENT;
import static org.certportal.enrollments.api.CertificationStatus.CANCELLED;
import static org.certportal.enrollments.api.CertificationStatus.DECLINED;
import static org.certportal.enrollments.api.CertificationStatus.EXPIRED;
import static org.certportal.enrollments.api.CertificationStatus.INACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.certportal.enrollments.api.CertificationStatus.NOT_COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.StatusChange;
import org.junit.jupiter.api.Test;

class StatusRulesTest {
    /** The whole table, written out: every pair not listed is refused. */
    private static final Map<CertificationStatus, Set<CertificationStatus>> EXPECTED = Map.of(
            APPLIED, Set.of(IN_PROGRESS, DECLINED, CANCELLED),
            IN_PROGRESS, Set.of(ACTIVE, ADMIN_REVIEW, AWAITING_PAYMENT, EXPIRED, NOT_COMPLETED, INACTIVE, CANCELLED),
            AWAITING_PAYMENT, Set.of(ACTIVE, ADMIN_REVIEW, CANCELLED),
            ADMIN_REVIEW, Set.of(ACTIVE, DECLINED, NOT_COMPLETED, CANCELLED),
            ACTIVE, Set.of(EXPIRED, INACTIVE, CANCELLED));

    @Test
    void everyPairOfStatusesIsAllowedExactlyWhenTheTableSaysSo() {
        int allowed = 0;
        for (CertificationStatus from : CertificationStatus.values()) {
            for (CertificationStatus to : CertificationStatus.values()) {
                boolean expected = EXPECTED.getOrDefault(from, Set.of()).contains(to);
                assertEquals(expected, StatusRules.allowed(from, to), from + " -> " + to);
                allowed += expected ? 1 : 0;
            }
        }
        assertEquals(20, allowed);
    }

    @Test
    void finalStatusesAndTheDerivedExpiringMoveNowhere() {
        for (CertificationStatus s : Set.of(DECLINED, CANCELLED, INACTIVE, NOT_COMPLETED, EXPIRED,
                CertificationStatus.EXPIRING)) {
            for (CertificationStatus to : CertificationStatus.values()) {
                assertEquals(false, StatusRules.allowed(s, to), s + " -> " + to);
            }
        }
    }

    @Test
    void anEnrollmentAwaitingPaymentIsNeitherReopenedNorExpiredAndOnlyEarnedOrCancelled() {
        assertTrue(StatusRules.allowed(IN_PROGRESS, AWAITING_PAYMENT));
        assertFalse(StatusRules.allowed(AWAITING_PAYMENT, IN_PROGRESS), "requirements once met stay met");
        assertFalse(StatusRules.allowed(AWAITING_PAYMENT, EXPIRED));
        assertFalse(StatusRules.allowed(APPLIED, AWAITING_PAYMENT), "an application is approved first");
        assertFalse(StatusRules.allowedAsCorrection(AWAITING_PAYMENT, IN_PROGRESS, null));
        assertEquals("An enrollment that is awaiting payment cannot become in progress by a correction; a person"
                + " decides.", StatusRules.refusal(AWAITING_PAYMENT, IN_PROGRESS, null, true));
    }

    @Test
    void aRefusedMoveSaysWhichInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusRules.check(CANCELLED, IN_PROGRESS));
        assertEquals("An enrollment that is cancelled cannot become in progress.", e.getMessage());
    }

    @Test
    void aRevertGoesBackExactlyAlongAMoveOfTheTable() {
        int allowed = 0;
        for (CertificationStatus from : CertificationStatus.values()) {
            for (CertificationStatus to : CertificationStatus.values()) {
                boolean expected = EXPECTED.getOrDefault(to, Set.of()).contains(from);
                assertEquals(expected, StatusRules.allowedAsRevert(from, to), "revert " + from + " -> " + to);
                assertEquals(expected, StatusRules.revertRefusal(from, to) == null, "revert " + from + " -> " + to);
                allowed += expected ? 1 : 0;
            }
        }
        assertEquals(20, allowed, "one way back for each move of the table");
    }

    @Test
    void aMassDropIsUndoneButARevertOpensNoNewPath() {
        // what a mass drop does, and its revert
        assertFalse(StatusRules.allowed(EXPIRED, ACTIVE));
        assertTrue(StatusRules.allowedAsRevert(EXPIRED, ACTIVE));
        assertTrue(StatusRules.allowedAsRevert(INACTIVE, ACTIVE));
        assertTrue(StatusRules.allowedAsRevert(CANCELLED, IN_PROGRESS));
        assertTrue(StatusRules.allowedAsRevert(NOT_COMPLETED, ADMIN_REVIEW));
        // never taken by any move, so never undone
        assertFalse(StatusRules.allowedAsRevert(DECLINED, ACTIVE));
        assertFalse(StatusRules.allowedAsRevert(NOT_COMPLETED, ACTIVE));
        assertFalse(StatusRules.allowedAsRevert(ACTIVE, EXPIRED), "a revert goes back, not forward");
        assertEquals("An enrollment that is declined cannot go back to active: no change of the status rules leads"
                + " from active to declined.", StatusRules.revertRefusal(DECLINED, ACTIVE));
        assertEquals("An enrollment that is expired cannot become active.", StatusRules.refusal(EXPIRED, ACTIVE, null,
                false), "an ordinary move back stays refused");
    }

    @Test
    void aRevertNamesTheVersionTheChangeLeftAndKeepsTheDates() {
        StatusChange revert = StatusChange.revert(7, 3, ACTIVE, "undo");
        assertTrue(revert.revert());
        assertEquals(3L, revert.expectedVersion());
        assertTrue(revert.expecting(4).revert(), "stays a revert");
        assertFalse(StatusChange.of(7, EXPIRED, null).revert());
        assertThrows(IllegalArgumentException.class, () -> new StatusChange(7, null, ACTIVE, null, null, true));
        assertThrows(IllegalArgumentException.class, () -> revert.earning(java.time.LocalDate.of(2026, 1, 1), null));
    }
}
