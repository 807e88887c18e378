package org.certportal.enrollments.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.ADMIN_REVIEW;
import static org.certportal.enrollments.api.CertificationStatus.APPLIED;
import static org.certportal.enrollments.api.CertificationStatus.CANCELLED;
import static org.certportal.enrollments.api.CertificationStatus.DECLINED;
import static org.certportal.enrollments.api.CertificationStatus.EXPIRED;
import static org.certportal.enrollments.api.CertificationStatus.INACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.certportal.enrollments.api.CertificationStatus.NOT_COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.junit.jupiter.api.Test;

class StatusRulesTest {
    /** The whole table, written out: every pair not listed is refused. */
    private static final Map<CertificationStatus, Set<CertificationStatus>> EXPECTED = Map.of(
            APPLIED, Set.of(IN_PROGRESS, DECLINED, CANCELLED),
            IN_PROGRESS, Set.of(ACTIVE, ADMIN_REVIEW, EXPIRED, NOT_COMPLETED, INACTIVE, CANCELLED),
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
        assertEquals(16, allowed);
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
    void aRefusedMoveSaysWhichInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusRules.check(CANCELLED, IN_PROGRESS));
        assertEquals("An enrollment that is cancelled cannot become in progress.", e.getMessage());
    }
}
