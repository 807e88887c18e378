package org.certportal.tracking.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.certportal.tracking.internal.TrackingPortal.CPA;
import static org.certportal.tracking.internal.TrackingPortal.RN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.certportal.contacts.api.Contact;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.mail.internal.MailOutboxImpl;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RowResult;
import org.certportal.process.api.RowState;
import org.certportal.process.api.RunFilter;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.tracking.api.DroppedRow;
import org.certportal.tracking.api.MassDropService;
import org.certportal.tracking.api.RevertPlan;
import org.certportal.tracking.api.RevertReport;
import org.certportal.tracking.internal.massdrop.MassDropDataOwner;
import org.certportal.tracking.internal.massdrop.MassDropProcess;
import org.certportal.tracking.internal.massdrop.MassDropServiceImpl;
import org.certportal.tracking.internal.process.ExpiryProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The mass drop in the real process engine and its revert, on H2 and PostgreSQL. */
class MassDropIT {
    private TrackingPortal portal;
    private MassDropService drops;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    /**
     * Ada (with an address) and Grace (without): CPA certifications expiring in June and July 2026 (taken), one
     * expiring in 2027 (outside the range), one in progress (status not taken), and an RN one (other program).
     */
    private TrackingPortal start(String db) throws SQLException {
        portal = new TrackingPortal(db);
        portal.contact(1, "Ada", "Lovelace", "A-001");
        portal.contact(2, "Grace", "Hopper", "G-002");
        LocalDate enrolled = LocalDate.of(2024, 1, 10);
        LocalDate earned = LocalDate.of(2024, 6, 1);
        portal.enrollment(201, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 6, 30));
        portal.enrollment(202, 2, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 7, 15));
        portal.enrollment(203, 1, RN, ACTIVE, enrolled, earned, LocalDate.of(2026, 6, 30));
        portal.enrollment(204, 2, RN, IN_PROGRESS, enrolled, null, LocalDate.of(2026, 6, 30));
        portal.enrollment(205, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2027, 1, 10));
        portal.enrollment(206, 2, CPA, IN_PROGRESS, enrolled, null, LocalDate.of(2026, 6, 30));
        ContactService contacts = (ContactService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContactService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("find")) {
                        throw new AssertionError("the mass drop called " + method.getName());
                    }
                    long id = (Long) args[0];
                    return Optional.of(new Contact(id, "x", "y", id == 1 ? "ada@example.org" : null, null, null, 1));
                });
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(portal.ds);
        MassDropProcess process = MassDropProcess.forTests(portal.security, portal.enrollments, portal.ds, contacts,
                MailOutboxImpl.migrating(portal.security, migrator, portal.ds, portal.audit),
                new TrackingPortal.Settings(), portal.clock);
        portal.engine.add(process);
        drops = MassDropServiceImpl.forTests(portal.ds, portal.security, portal.enrollments, portal.engine.service(),
                portal.audit, portal.clock);
        portal.security.as(Role.CERTIFICATION_MANAGER);
        return portal;
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    private static Map<String, String> params(String terminationDate, boolean notify) {
        Map<String, String> p = new HashMap<>();
        p.put("program", "cpa");
        p.put("expires-from", "2026-06-01");
        p.put("expires-through", "2026-12-31");
        p.put("statuses", "active");
        p.put("target", "expired");
        p.put("termination-date", terminationDate);
        p.put("reason", "The program closed");
        p.put("notify", String.valueOf(notify));
        return p;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thePreviewListsEachPersonAndChangesNothing(String db) throws Exception {
        TrackingPortal p = start(db);
        ProcessRun preview = run(params("2026-03-01", true), RunOptions.preview());
        assertEquals(RunState.COMPLETED, preview.state());
        assertEquals("CPA", preview.scope(), "two mass drops of one program never run together");
        List<RowResult> rows = rows(preview.id(), RowState.DONE);
        assertEquals(List.of("enrollment:201", "enrollment:202"), rows.stream().map(RowResult::key).toList());
        assertEquals("Ada Lovelace (A-001): Active → Expired on 2026-03-01; would be notified", rows.get(0).message());
        assertEquals("Grace Hopper (G-002): Active → Expired on 2026-03-01; not notified: no email address",
                rows.get(1).message());
        assertEquals("ACTIVE", p.status(201));
        assertEquals("ACTIVE", p.status(202));
        assertEquals(0, p.count("SELECT COUNT(*) FROM tracking_mass_drop_row"));
        assertEquals(0, p.count("SELECT COUNT(*) FROM mail_outbox"));
        assertEquals(0, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment'"));
        String file = p.engine.file(preview.id(), "dropped.csv");
        assertTrue(file.contains("201,Ada Lovelace (A-001),A-001,Active,Expired,2026-03-01,would be")
                && file.contains("202,Grace Hopper (G-002),G-002,Active,Expired,2026-03-01,no email address"),
                "the preview's file lists what would change: " + file);
        assertFalse(drops.revertable(preview.id()), "a preview has nothing to revert");
        assertEquals("Run " + preview.id() + " was a preview: it changed nothing, so there is nothing to revert.",
                assertThrows(IllegalArgumentException.class, () -> drops.revert(preview.id())).getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunChangesTheRowsRecordsThemAndNotifiesThoseWithAnAddress(String db) throws Exception {
        TrackingPortal p = start(db);
        ProcessRun run = run(params("2026-03-01", true), RunOptions.run());
        assertEquals(2, run.done());
        assertEquals("EXPIRED", p.status(201));
        assertEquals("EXPIRED", p.status(202));
        for (long untouched : List.of(203L, 205L)) {
            assertEquals("ACTIVE", p.status(untouched));
        }
        assertEquals("IN_PROGRESS", p.status(204));
        assertEquals("IN_PROGRESS", p.status(206));
        assertEquals(2, p.count("SELECT COUNT(*) FROM tracking_mass_drop_row WHERE run_id = " + run.id()
                + " AND old_status = 'ACTIVE' AND new_status = 'EXPIRED' AND version_after = 1"));
        assertEquals(2, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment'"
                + " AND changes LIKE '%tracking mass drop run " + run.id() + "%'"), "audited once each, with the run");
        assertEquals(1, p.count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'ada@example.org'"));
        assertEquals(1, p.count("SELECT COUNT(*) FROM mail_outbox"), "Grace has no address");
        assertTrue(rows(run.id(), RowState.DONE).get(1).message().endsWith("not notified: no email address"));
        String file = p.engine.file(run.id(), "dropped.csv");
        assertTrue(file.contains("201,Ada Lovelace (A-001),A-001,Active,Expired,2026-03-01,yes"), file);
        assertTrue(file.contains("202,Grace Hopper (G-002),G-002,Active,Expired,2026-03-01,no email address"), file);
        // the status history names the run
        assertEquals("tracking mass drop run " + run.id(), p.service.detail(201).history().get(0).source());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theRevertMovesBackWhatNobodyChangedAndListsTheRestAndASecondRevertChangesNothing(String db)
            throws Exception {
        TrackingPortal p = start(db);
        p.enrollment(207, 1, CPA, ACTIVE, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 6, 1),
                LocalDate.of(2026, 8, 1));
        ProcessRun run = run(params("2026-03-01", false), RunOptions.run());
        assertEquals(3, run.done());
        assertTrue(drops.revertable(run.id()));
        // after the run, someone else corrects 202 and 207 is purged
        sql("UPDATE enrollment SET status = 'CANCELLED', version = version + 1 WHERE id = 202");
        sql("DELETE FROM enrollment WHERE id = 207");

        RevertPlan plan = drops.plan(run.id());
        assertEquals(1, plan.toMoveBack());
        assertEquals(2, plan.toLeaveAlone());
        assertFalse(plan.reverted());
        List<DroppedRow> before = drops.rows(run.id(), PageRequest.first(10)).items();
        assertEquals(List.of("Moves back to Active", "Left alone: changed since (now Cancelled)",
                "Left alone: the enrollment no longer exists"), before.stream().map(DroppedRow::revertSays).toList());
        assertEquals(2, drops.rows(run.id(), new PageRequest(1, 5, null, true)).items().size(), "paged");
        assertEquals(3, drops.rows(run.id(), new PageRequest(1, 5, null, true)).total());

        RevertReport report = drops.revert(run.id());
        assertFalse(report.alreadyReverted());
        assertEquals(1, report.movedBack());
        assertEquals(2, report.leftAloneTotal());
        assertEquals(List.of(202L, 207L), report.leftAlone().stream().map(RevertReport.LeftAlone::enrollmentId)
                .toList());
        assertEquals(CertificationStatus.CANCELLED, report.leftAlone().get(0).now());
        assertEquals("Grace Hopper", report.leftAlone().get(0).contactName());
        assertNull(report.leftAlone().get(1).now());
        assertEquals("Run " + run.id() + " reverted: 1 enrollment moved back; 2 changed since by someone else were"
                + " left alone.", report.summary());
        assertEquals("ACTIVE", p.status(201), "back, through the status door");
        assertEquals("CANCELLED", p.status(202), "left alone");
        assertEquals(1, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment' AND changes LIKE"
                + " '%tracking mass drop revert of run " + run.id() + "%'"), "the revert audited once, with the run");
        assertEquals("Moved back to Active", drops.rows(run.id(), PageRequest.first(10)).items().get(0).revertSays());
        assertFalse(drops.revertable(run.id()));

        RevertReport again = drops.revert(run.id());
        assertTrue(again.alreadyReverted());
        assertEquals(0, again.movedBack());
        assertTrue(again.summary().startsWith("Run " + run.id() + " was reverted on ")
                && again.summary().endsWith("; nothing changed now."), again.summary());
        assertEquals("ACTIVE", p.status(201));
        assertEquals(2, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment' AND changes LIKE"
                + " '%tracking mass drop%'") - 2, "nothing more audited");
        RevertPlan after = drops.plan(run.id());
        assertTrue(after.reverted());
        assertEquals(1, after.movedBack());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyCertificationManagersDropAndRevert(String db) throws Exception {
        TrackingPortal p = start(db);
        ProcessRun run = run(params("2026-03-01", false), RunOptions.run());
        p.security.as(Role.CERTIFICATION_ADMIN);
        assertThrows(AccessDeniedException.class, () -> p.engine.service().start(MassDropProcess.ID,
                params("2026-03-01", false), RunOptions.preview()));
        assertThrows(AccessDeniedException.class, () -> drops.revert(run.id()));
        assertThrows(AccessDeniedException.class, () -> drops.revertable(run.id()));
        assertThrows(AccessDeniedException.class, () -> drops.plan(run.id()));
        assertEquals("EXPIRED", p.status(201), "the refused revert changed nothing");
        p.security.as(Role.SYSADMIN);
        assertEquals(2, drops.revert(run.id()).movedBack());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badParametersAreRefusedBeforeAnythingIsWritten(String db) throws Exception {
        TrackingPortal p = start(db);
        Map<String, String> bad = params("2026-03-01", false);
        bad.put("program", "NOPE");
        bad.put("statuses", "active,declined");
        bad.remove("reason");
        bad.put("expires-through", "2026-01-01");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.engine.service().start(MassDropProcess.ID, bad, RunOptions.run()));
        assertTrue(e.getMessage().contains("Reason is required.") && e.getMessage().contains("There is no program"
                + " with the code 'NOPE'.") && e.getMessage().contains("An enrollment that is declined cannot become"
                        + " expired") && e.getMessage().contains("The expiration range ends (2026-01-01) before it"
                                + " begins (2026-06-01)."), e.getMessage());
        assertEquals(0, p.engine.service().runs(RunFilter.all(), PageRequest.first(5)).total(), "no run was made");
        assertEquals("ACTIVE", p.status(201));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRunBeforeTheTerminationDateChangesNothing(String db) throws Exception {
        TrackingPortal p = start(db);
        ProcessRun run = run(params("2026-03-02", false), RunOptions.run());
        assertEquals(2, run.failed());
        assertTrue(rows(run.id(), RowState.FAILED).get(0).message().contains("the termination date 2026-03-02 has"
                + " not come"));
        assertEquals("ACTIVE", p.status(201));
        assertEquals(0, p.count("SELECT COUNT(*) FROM tracking_mass_drop_row"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyFinishedMassDropsAreRevertable(String db) throws Exception {
        TrackingPortal p = start(db);
        p.security.as(Role.SYSADMIN);
        long expiry = p.engine.service().start(ExpiryProcess.ID, Map.of(), RunOptions.run());
        p.engine.runUntilIdle();
        assertFalse(drops.revertable(expiry));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> drops.revert(expiry)).getMessage()
                .contains("not a mass drop"));
        long queued = p.engine.service().start(MassDropProcess.ID, params("2026-03-01", false), RunOptions.run());
        assertFalse(drops.revertable(queued));
        assertEquals("Run " + queued + " has not finished; revert it once it has (or cancel it first).",
                assertThrows(IllegalArgumentException.class, () -> drops.revert(queued)).getMessage());
        assertFalse(drops.revertable(999_999));
        assertEquals("There is no run 999999.", assertThrows(IllegalArgumentException.class,
                () -> drops.plan(999_999)).getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void severalStatusesAreTakenAndPurgingEnrollmentsDeletesWhatWasRecordedOfThem(String db) throws Exception {
        TrackingPortal p = start(db);
        Map<String, String> both = params("2026-03-01", false);
        both.put("statuses", "in-progress,active");
        ProcessRun run = run(both, RunOptions.run());
        assertEquals(List.of("enrollment:201", "enrollment:202", "enrollment:206"), rows(run.id(), RowState.DONE)
                .stream().map(RowResult::key).toList());
        assertEquals("EXPIRED", p.status(206));
        try (Connection c = p.ds.getConnection()) {
            MassDropDataOwner.forTests().purge(c, List.of(206L, 202L));
        }
        assertEquals(1, p.count("SELECT COUNT(*) FROM tracking_mass_drop_row"));
        assertEquals(1, drops.plan(run.id()).toMoveBack());
    }

    private ProcessRun run(Map<String, String> parameters, RunOptions options) throws SQLException {
        long id = portal.engine.service().start(MassDropProcess.ID, parameters, options);
        portal.engine.runUntilIdle();
        return portal.engine.service().run(id).orElseThrow();
    }

    private List<RowResult> rows(long runId, RowState state) {
        return portal.engine.service().rows(runId, state, PageRequest.first(100)).items();
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = portal.ds.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.executeUpdate();
        }
    }
}
