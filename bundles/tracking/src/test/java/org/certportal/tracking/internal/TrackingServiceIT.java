package org.certportal.tracking.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.ADMIN_REVIEW;
import static org.certportal.enrollments.api.CertificationStatus.CANCELLED;
import static org.certportal.enrollments.api.CertificationStatus.DECLINED;
import static org.certportal.enrollments.api.CertificationStatus.EXPIRING;
import static org.certportal.enrollments.api.CertificationStatus.INACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.certportal.enrollments.api.CertificationStatus.NOT_COMPLETED;
import static org.certportal.tracking.internal.TrackingPortal.CPA;
import static org.certportal.tracking.internal.TrackingPortal.RN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.tracking.api.DateRange;
import org.certportal.tracking.api.StatusCounts;
import org.certportal.tracking.api.StatusDetail;
import org.certportal.tracking.api.TrackingFilter;
import org.certportal.tracking.api.TrackingRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The tracking list, counts, export, saved filters and manual statuses, on H2 and PostgreSQL. */
class TrackingServiceIT {
    private TrackingPortal portal;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private TrackingPortal start(String db) throws SQLException {
        portal = new TrackingPortal(db);
        portal.contact(1, "Ada", "Lovelace", "A-001");
        portal.contact(2, "Alan", "Turing", "A-002");
        portal.contact(3, "Grace", "Hopper", "G-003");
        portal.contact(4, "Pat", "O'Brien, Jr", null);
        LocalDate enrolled = LocalDate.of(2024, 1, 10);
        LocalDate earned = LocalDate.of(2024, 3, 1);
        portal.enrollment(101, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 3, 15)); // expiring
        portal.enrollment(102, 2, CPA, ACTIVE, enrolled, earned, LocalDate.of(2027, 1, 1));
        portal.enrollment(103, 3, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 1, 15)); // grace over: expires
        portal.enrollment(104, 1, RN, ACTIVE, enrolled, earned, LocalDate.of(2026, 2, 27)); // no grace: expires
        portal.enrollment(105, 2, RN, IN_PROGRESS, enrolled, null, LocalDate.of(2026, 2, 1)); // never earned: expires
        portal.enrollment(106, 3, RN, IN_PROGRESS, enrolled, null, LocalDate.of(2026, 12, 31));
        portal.enrollment(107, 4, CPA, ADMIN_REVIEW, enrolled, LocalDate.of(2026, 2, 1), LocalDate.of(2028, 2, 1));
        portal.enrollment(108, 4, RN, CANCELLED, enrolled, null, LocalDate.of(2026, 6, 30));
        portal.enrollment(109, 3, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 2, 20)); // in its grace period
        return portal;
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void countsShowEveryStatusAsTheListShowsIt(String db) throws SQLException {
        TrackingServiceImpl tracking = start(db).service;
        StatusCounts all = tracking.counts(TrackingFilter.ALL);
        assertEquals(9, all.total());
        assertEquals(4, all.of(EXPIRING), "101, 103, 104, 109: Active within 30 days of expiry or past it");
        assertEquals(1, all.of(ACTIVE));
        assertEquals(2, all.of(IN_PROGRESS));
        assertEquals(1, all.of(ADMIN_REVIEW));
        assertEquals(1, all.of(CANCELLED));
        assertEquals(0, all.of(NOT_COMPLETED));
        // the quick filters keep their counts while one is chosen; the other conditions narrow them
        TrackingFilter cpa = TrackingFilter.ALL.withPrograms(List.of("cpa")).withStatuses(Set.of(EXPIRING));
        StatusCounts inCpa = tracking.counts(cpa);
        assertEquals(5, inCpa.total());
        assertEquals(3, inCpa.of(EXPIRING));
        assertEquals(3, tracking.list(cpa, PageRequest.first(10)).total());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void cappedCountsAreExactUpToTheCapAndSayMoreAboveIt(String db) throws SQLException {
        TrackingServiceImpl tracking = start(db).service;
        TrackingFilter cpa = TrackingFilter.ALL.withPrograms(List.of("cpa"));
        for (TrackingFilter f : List.of(TrackingFilter.ALL, cpa, TrackingFilter.ALL.withText("hop"))) {
            StatusCounts exact = tracking.counts(f);
            StatusCounts capped = tracking.countsUpTo(f);
            assertEquals(exact.byStatus(), capped.byStatus(), f.toString());
            assertEquals(exact.total(), capped.total());
            assertFalse(capped.capped());
        }
        // one status past the cap: it says "more than", the others stay exact, and so does the list's total
        portal.enrollments(1000, Page.COUNT_CAP + 1, 4, RN, DECLINED, LocalDate.of(2025, 1, 10));
        StatusCounts capped = tracking.countsUpTo(TrackingFilter.ALL);
        assertEquals(Set.of(DECLINED), capped.more());
        assertEquals("more than 10,000", capped.text(DECLINED));
        assertEquals("4", capped.text(EXPIRING));
        assertEquals("more than 10,009", capped.totalText());
        assertEquals(Page.COUNT_CAP + 10L, tracking.counts(TrackingFilter.ALL).total(), "counts() stays exact");
        Page<TrackingRow> all = tracking.list(TrackingFilter.ALL, PageRequest.first(10));
        assertTrue(all.more());
        assertEquals("more than 10,000 enrollments", all.totalText("enrollment", "enrollments"));
        assertFalse(tracking.list(cpa, PageRequest.first(10)).more());
        // a name prefix counts its contacts' rows in one grouped pass, capped the same way
        StatusCounts obrien = tracking.countsUpTo(TrackingFilter.ALL.withText("o'b"));
        assertEquals(Set.of(DECLINED), obrien.more());
        assertEquals(Page.COUNT_CAP + 2L, obrien.total(), "with 107 and 108");
        assertEquals(1, obrien.of(CANCELLED));
        assertEquals(5, tracking.countsUpTo(cpa).total(), "a program's rows are counted exactly below the cap");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void conditionsCombineWithAnd(String db) throws SQLException {
        TrackingServiceImpl tracking = start(db).service;
        assertEquals(List.of(101L, 104L), ids(tracking.list(TrackingFilter.ALL.withText("LOV"),
                new PageRequest(0, 10, "program", true))));
        assertEquals(4, tracking.list(TrackingFilter.ALL.withText("A-00"), PageRequest.first(10)).total());
        assertEquals(4, tracking.list(TrackingFilter.ALL.withPrograms(List.of("rn")), PageRequest.first(10)).total());
        TrackingFilter expiresSoon = TrackingFilter.ALL.withExpires(new DateRange(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 3, 31)));
        assertEquals(5, tracking.list(expiresSoon, PageRequest.first(10)).total());
        TrackingFilter three = TrackingFilter.ALL.withPrograms(List.of("CPA")).withText("hop")
                .withExpires(new DateRange(null, LocalDate.of(2026, 2, 28)));
        assertEquals(List.of(103L, 109L), ids(tracking.list(three, new PageRequest(0, 10, "expires", true))));
        // the page's rows without their total are the same rows, in the same order
        assertEquals(List.of(103L, 109L), tracking.rows(three, new PageRequest(0, 10, "expires", true)).stream()
                .map(TrackingRow::enrollmentId).toList());
        assertEquals(0, tracking.list(TrackingFilter.ALL.withText("50%"), PageRequest.first(10)).total());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rowsCarryTheShownStatusAndDaysLeftAndPageInTheDatabase(String db) throws SQLException {
        TrackingServiceImpl tracking = start(db).service;
        Page<TrackingRow> page = tracking.list(TrackingFilter.ALL, new PageRequest(3, 3, "expires", false));
        assertEquals(9, page.total());
        assertEquals(List.of(108L, 101L, 104L), ids(page));
        TrackingRow ada = page.items().get(1);
        assertEquals("Ada Lovelace", ada.contactName());
        assertEquals("A-001", ada.identifier());
        assertEquals("CPA", ada.programCode());
        assertEquals("Certified Public Accountant", ada.programName());
        assertEquals(EXPIRING, ada.status());
        assertEquals(14, ada.daysLeft());
        assertEquals(-2, page.items().get(2).daysLeft());
        assertThrows(IllegalArgumentException.class, () -> tracking.list(TrackingFilter.ALL,
                new PageRequest(0, 10, "fee", true)));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void exportWritesTheFilteredListAsCsv(String db) throws Exception {
        TrackingServiceImpl tracking = start(db).service;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        long rows = tracking.export(TrackingFilter.ALL.withPrograms(List.of("CPA")), "name", true, out,
                progress::add);
        assertEquals(5, rows);
        assertEquals(List.of(5L), progress);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals("contact,identifier,program,program name,status,enrolled,earned,expires,days left", lines[0]);
        assertEquals(6, lines.length);
        assertEquals("Grace Hopper,G-003,CPA,Certified Public Accountant,Expiring,2024-01-10,2024-03-01,2026-01-15,-45",
                lines[1]);
        assertEquals("\"Pat O'Brien, Jr\",,CPA,Certified Public Accountant,Admin review,2024-01-10,2026-02-01,"
                + "2028-02-01,702", lines[4]);
        portal.security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> tracking.export(TrackingFilter.ALL, null, true,
                new ByteArrayOutputStream(), null));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void savedFiltersBelongToTheirUser(String db) throws SQLException {
        TrackingServiceImpl tracking = start(db).service;
        TrackingFilter expiring = TrackingFilter.ALL.withStatuses(Set.of(EXPIRING)).withPrograms(List.of("CPA"));
        tracking.saveFilter("  Expiring CPA ", expiring);
        tracking.saveFilter("Expiring CPA", expiring.withText("hop"));
        assertEquals(1, tracking.savedFilters().size());
        assertEquals("Expiring CPA", tracking.savedFilters().get(0).name());
        assertEquals(expiring.withText("hop"), tracking.savedFilters().get(0).filter());
        assertThrows(IllegalArgumentException.class, () -> tracking.saveFilter(" ", expiring));
        long id = tracking.savedFilters().get(0).id();

        portal.security.as(Role.CERTIFICATION_ADMIN);
        assertEquals(List.of(), tracking.savedFilters());
        tracking.deleteFilter(id);
        portal.security.as(Role.STAFF);
        assertEquals(1, tracking.savedFilters().size(), "someone else's delete does nothing");
        tracking.deleteFilter(id);
        assertEquals(List.of(), tracking.savedFilters());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void staffSetStatusesByHandWithAReasonThroughTheStatusRules(String db) throws SQLException {
        TrackingServiceImpl tracking = start(db).service;
        long version = tracking.detail(102).row().version();
        assertThrows(AccessDeniedException.class, () -> tracking.setStatus(102, version, INACTIVE, "Moved"));

        portal.security.as(Role.CERTIFICATION_ADMIN);
        IllegalArgumentException noReason = assertThrows(IllegalArgumentException.class,
                () -> tracking.setStatus(102, version, INACTIVE, "  "));
        assertTrue(noReason.getMessage().contains("reason"), noReason.getMessage());
        assertThrows(IllegalArgumentException.class, () -> tracking.setStatus(102, version, ACTIVE, "Because"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> tracking.setStatus(108, 0, INACTIVE, "Because"));
        assertTrue(refused.getMessage().contains("cancelled"), refused.getMessage());
        assertEquals("ACTIVE", portal.status(102));

        TrackingRow after = tracking.setStatus(102, version, INACTIVE, "Moved abroad");
        assertEquals(INACTIVE, after.status());
        assertEquals("INACTIVE", portal.status(102));
        assertThrows(ConcurrentModificationException.class, () -> tracking.setStatus(106, 7, NOT_COMPLETED,
                "Stale"));
        assertEquals("IN_PROGRESS", portal.status(106));

        portal.security.as(Role.STAFF);
        StatusDetail detail = tracking.detail(102);
        assertEquals(1, detail.history().size());
        assertEquals("ACTIVE", detail.history().get(0).from());
        assertEquals("INACTIVE", detail.history().get(0).to());
        assertEquals("Moved abroad", detail.history().get(0).reason());
        assertEquals("certadmin-user", detail.history().get(0).actor());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAdminReviewIsApprovedOrRejectedByACertificationManager(String db) throws SQLException {
        TrackingPortal p = start(db);
        p.enrollment(110, 1, RN, ADMIN_REVIEW, LocalDate.of(2024, 1, 10), LocalDate.of(2026, 2, 1),
                LocalDate.of(2028, 2, 1));
        TrackingServiceImpl tracking = p.service;
        p.security.as(Role.CERTIFICATION_ADMIN);
        assertThrows(AccessDeniedException.class, () -> tracking.resolveReview(107, 0, true, "Checked"));
        assertEquals(false, tracking.detail(107).mayReview());
        p.security.as(Role.CERTIFICATION_MANAGER);
        assertEquals(true, tracking.detail(107).mayReview());
        assertThrows(IllegalArgumentException.class, () -> tracking.resolveReview(107, 0, true, ""));
        assertEquals(ACTIVE, tracking.resolveReview(107, 0, true, "Documents checked").status());
        assertEquals(NOT_COMPLETED, tracking.resolveReview(110, 0, false, "Documents forged").status());
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> tracking.resolveReview(107, 1, false, "Changed my mind"));
        assertTrue(again.getMessage().contains("not in admin review"), again.getMessage());
        assertEquals("ACTIVE", p.status(107));
    }

    private static List<Long> ids(Page<TrackingRow> page) {
        return page.items().stream().map(TrackingRow::enrollmentId).toList();
    }
}
