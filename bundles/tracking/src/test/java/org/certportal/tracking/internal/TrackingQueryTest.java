package org.certportal.tracking.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.persistence.api.PageRequest;
import org.certportal.tracking.api.TrackingFilter;
import org.junit.jupiter.api.Test;

class TrackingQueryTest {
    private static final LocalDate HORIZON = LocalDate.of(2026, 3, 31);

    @Test
    void countsJoinNoViewTheConditionsDoNotRead() {
        TrackingQuery.Sql sql = new TrackingQuery(TrackingFilter.ALL, HORIZON).counts();
        assertFalse(sql.text().contains("contact_summary"), sql.text());
        assertFalse(sql.text().contains("program_summary"), sql.text());
        assertTrue(sql.text().contains("GROUP BY"), sql.text());
        assertEquals(List.of(HORIZON), sql.params());
    }

    @Test
    void cappedCountsReadEachStatusUpToTheCapInOneStatement() {
        TrackingQuery.Sql sql = new TrackingQuery(TrackingFilter.ALL.withPrograms(List.of("cpa")), HORIZON)
                .cappedCounts();
        assertFalse(sql.text().contains("contact_summary"), sql.text());
        assertEquals(CertificationStatus.values().length, sql.text().split("LIMIT 10001", -1).length - 1, sql.text());
        // per status the program's code, bound; the status and the horizon written in (Active and Expiring split)
        assertEquals(java.util.Collections.nCopies(CertificationStatus.values().length, "CPA"), sql.params());
        assertTrue(sql.text().contains("e.status = 'CANCELLED'"), sql.text());
        assertTrue(sql.text().contains("e.expires_on <= DATE '2026-03-31'"), sql.text());
    }

    @Test
    void countsLeaveTheStatusConditionOutSoEveryQuickFilterHasItsCount() {
        TrackingFilter f = TrackingFilter.ALL.withStatuses(Set.of(CertificationStatus.ACTIVE)).withText("ad");
        TrackingQuery.Sql sql = new TrackingQuery(f, HORIZON).counts();
        assertFalse(sql.text().contains("e.status = ?"), sql.text());
        assertEquals(List.of(HORIZON, "ad%", "ad%"), sql.params());
    }

    @Test
    void activeAndExpiringSplitAtTheHorizon() {
        TrackingFilter f = TrackingFilter.ALL.withStatuses(Set.of(CertificationStatus.ACTIVE,
                CertificationStatus.EXPIRING));
        TrackingQuery.Sql sql = new TrackingQuery(f, HORIZON).total();
        assertTrue(sql.text().contains("e.expires_on > ?") && sql.text().contains("e.expires_on <= ?"), sql.text());
        assertTrue(new TrackingQuery(TrackingFilter.ALL.withStatuses(Set.of(CertificationStatus.EXPIRING)), null)
                .total().text().contains("1 = 0"));
    }

    @Test
    void userTextIsMatchedLiterally() {
        TrackingQuery.Sql sql = new TrackingQuery(TrackingFilter.ALL.withText("50%_Ab"), null).total();
        assertEquals(List.of("50\\%\\_ab%", "50\\%\\_Ab%"), sql.params());
    }

    @Test
    void pagesHaveAStableOrderAndUnknownSortsAreRefused() {
        TrackingQuery q = new TrackingQuery(TrackingFilter.ALL, null);
        String text = q.page(new PageRequest(40, 20, "expires", false)).text();
        assertTrue(text.endsWith("ORDER BY e.expires_on DESC NULLS LAST, e.id DESC LIMIT ? OFFSET ?"), text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> q.page(new PageRequest(0, 20, "fee", true)));
        assertTrue(e.getMessage().contains("'fee'"));
    }
}
