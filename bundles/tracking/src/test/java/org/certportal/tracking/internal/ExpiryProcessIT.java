package org.certportal.tracking.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.certportal.tracking.internal.TrackingPortal.CPA;
import static org.certportal.tracking.internal.TrackingPortal.RN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessService;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunOptions;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.tracking.internal.process.DefaultExpirySchedule;
import org.certportal.tracking.internal.process.ExpiryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The daily expiry in the real process engine, on H2 and PostgreSQL. */
class ExpiryProcessIT {
    private TrackingPortal portal;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private TrackingPortal start(String db, Instant now) throws SQLException {
        portal = new TrackingPortal(db, now);
        portal.contact(1, "Ada", "Lovelace", "A-001");
        LocalDate enrolled = LocalDate.of(2024, 1, 10);
        LocalDate earned = LocalDate.of(2024, 3, 1);
        portal.enrollment(101, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 3, 15)); // expiring only
        portal.enrollment(103, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 1, 15)); // grace ended 14 Feb
        portal.enrollment(104, 1, RN, ACTIVE, enrolled, earned, LocalDate.of(2026, 2, 27)); // no grace
        portal.enrollment(105, 1, RN, IN_PROGRESS, enrolled, null, LocalDate.of(2026, 2, 1)); // never earned
        portal.enrollment(106, 1, RN, IN_PROGRESS, enrolled, null, LocalDate.of(2026, 3, 1)); // last day today
        portal.enrollment(109, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 1, 30)); // grace ends 1 March
        portal.security.as(Role.CERTIFICATION_ADMIN);
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
    void expiresWhatIsPastItsGracePeriodOnceAndTheSecondRunChangesNothing(String db) throws SQLException {
        TrackingPortal p = start(db, TrackingPortal.NOW);
        ProcessRun preview = run(RunOptions.preview());
        assertEquals(List.of("enrollment:103", "enrollment:104", "enrollment:105"), keys(preview.id(), RowState.DONE));
        assertEquals("ACTIVE", p.status(103), "a preview changes nothing");

        ProcessRun first = run(RunOptions.run());
        assertEquals(3, first.total());
        for (long id : List.of(103L, 104L, 105L)) {
            assertEquals("EXPIRED", p.status(id));
        }
        for (long id : List.of(101L, 109L)) {
            assertEquals("ACTIVE", p.status(id));
        }
        assertEquals("IN_PROGRESS", p.status(106));
        assertEquals(3, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment'"
                + " AND changes LIKE '%tracking expiry run " + first.id() + "%'"), "audited once each, with the run");

        ProcessRun second = run(RunOptions.run());
        assertEquals(0, second.total(), "the same day again finds nothing");
        assertEquals(3, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void afterDaysDownOneRunCatchesUp(String db) throws SQLException {
        TrackingPortal p = start(db, Instant.parse("2026-03-04T06:00:00Z"));
        ProcessRun run = run(RunOptions.run());
        assertEquals(List.of("enrollment:103", "enrollment:104", "enrollment:105", "enrollment:106",
                "enrollment:109"), keys(run.id(), RowState.DONE));
        assertEquals("ACTIVE", p.status(101));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyThoseWhoMayExpireRunIt(String db) throws SQLException {
        TrackingPortal p = start(db, TrackingPortal.NOW);
        p.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> p.engine.service().start(ExpiryProcess.ID, Map.of(),
                RunOptions.run()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theDefaultDailyScheduleIsCreatedOnceAndNeverAgainOnceAnAdministratorCancelledIt(String db)
            throws SQLException {
        TrackingPortal p = start(db, TrackingPortal.NOW);
        ProcessService processes = p.engine.service();
        p.security.as(Role.SYSADMIN);
        LocalDateTime now = LocalDateTime.of(2026, 3, 1, 12, 0);
        Long id = DefaultExpirySchedule.createIfNone(processes, now);
        ProcessSchedule schedule = processes.findSchedule(id).orElseThrow();
        assertEquals(Recurrence.DAILY, schedule.recurrence());
        assertEquals(LocalDateTime.of(2026, 3, 2, 1, 0).atZone(schedule.zone()).toInstant(), schedule.nextFireAt(),
                "tomorrow at 01:00");
        assertNull(DefaultExpirySchedule.createIfNone(processes, now));
        processes.cancelSchedule(id);
        assertNull(DefaultExpirySchedule.createIfNone(processes, now.plusDays(3)));
        assertEquals(1, processes.schedules(ExpiryProcess.ID, null, PageRequest.first(10)).total());
    }

    private ProcessRun run(RunOptions options) throws SQLException {
        long id = portal.engine.service().start(ExpiryProcess.ID, Map.of(), options);
        portal.engine.runUntilIdle();
        return portal.engine.service().run(id).orElseThrow();
    }

    private List<String> keys(long runId, RowState state) {
        return portal.engine.service().rows(runId, state, PageRequest.first(100)).items().stream()
                .map(RowResult::key).toList();
    }
}
