package org.certportal.tracking.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.tracking.internal.TrackingPortal.CPA;
import static org.certportal.tracking.internal.TrackingPortal.RN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.certportal.mail.api.OutboxEntry;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.tracking.api.ReminderMessage;
import org.certportal.tracking.api.ReminderPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reminder ladder's service: plans per program and by default, templates, preview and test-send. */
class ReminderServiceIT {
    private static final String SUBJECT = "{program}: {daysLeft} days left";
    private static final String BODY = "Dear {name}, your certification expires on {expires}.";
    private TrackingPortal portal;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private TrackingPortal start(String db) throws SQLException {
        portal = new TrackingPortal(db);
        portal.contact(1, "Ada", "Lovelace", "A-001", "ada@example.org");
        portal.contact(2, "Alan", "Turing", "A-002");
        LocalDate enrolled = LocalDate.of(2024, 1, 10);
        LocalDate earned = LocalDate.of(2024, 3, 1);
        portal.enrollment(201, 1, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 3, 31));
        portal.enrollment(202, 2, CPA, ACTIVE, enrolled, earned, LocalDate.of(2026, 2, 20)); // in its grace period
        portal.enrollment(203, 1, RN, ACTIVE, enrolled, earned, LocalDate.of(2027, 1, 1));
        portal.security.as(Role.CERTIFICATION_MANAGER);
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
    void withNothingStoredNoReminderIsSentAndTheSuggestedTemplatesAreOffered(String db) throws SQLException {
        ReminderServiceImpl reminders = start(db).reminders;
        assertFalse(reminders.anyConfigured());
        ReminderPlan cpa = reminders.plan(CPA);
        assertFalse(cpa.configured());
        assertFalse(cpa.sendsReminders());
        assertTrue(cpa.inherited());
        assertEquals(ReminderTemplate.DEFAULT_SUBJECT, cpa.subject());
        assertFalse(reminders.organisationDefault().configured());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aProgramInheritsTheDefaultUntilItHasItsOwnAndGetsItBackOnRequest(String db) throws SQLException {
        TrackingPortal p = start(db);
        ReminderServiceImpl reminders = p.reminders;
        reminders.save(null, List.of(30, 90, 60, 7), List.of(7), SUBJECT, BODY);
        assertTrue(reminders.anyConfigured());
        ReminderPlan cpa = reminders.plan(CPA);
        assertEquals(List.of(90, 60, 30, 7), cpa.daysBefore());
        assertEquals(List.of(7), cpa.graceDays());
        assertTrue(cpa.inherited());
        assertTrue(cpa.sendsReminders());

        ReminderPlan rn = reminders.save(RN, List.of(), List.of(), SUBJECT, BODY);
        assertFalse(rn.inherited());
        assertFalse(rn.sendsReminders(), "a program may turn reminders off whatever the default says");
        assertFalse(reminders.plan(RN).sendsReminders());
        assertTrue(reminders.plan(CPA).sendsReminders());

        reminders.useDefault(RN);
        assertTrue(reminders.plan(RN).inherited());
        assertEquals(List.of(90, 60, 30, 7), reminders.plan(RN).daysBefore());
        assertEquals(3, p.count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'tracking-reminders'"),
                "the default, the program's own and its removal");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badInputIsRefusedWithASentenceAndChangesNothing(String db) throws SQLException {
        ReminderServiceImpl reminders = start(db).reminders;
        assertEquals("The reminder's subject has an unknown placeholder {first}: use {name}, {program}, {expires},"
                + " {daysLeft}.", assertThrows(IllegalArgumentException.class, () -> reminders.save(CPA, List.of(30),
                        List.of(), "Hello {first}", BODY)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> reminders.save(CPA, List.of(-1), List.of(), SUBJECT, BODY));
        assertEquals("There is no program 99.", assertThrows(IllegalArgumentException.class,
                () -> reminders.save(99L, List.of(30), List.of(), SUBJECT, BODY)).getMessage());
        assertFalse(reminders.plan(CPA).configured());
        assertFalse(reminders.anyConfigured());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readingNeedsTrackingAndChangingNeedsTheManagePermission(String db) throws SQLException {
        TrackingPortal p = start(db);
        p.security.as(Role.CERTIFICATION_ADMIN);
        assertFalse(p.reminders.plan(CPA).configured());
        assertThrows(AccessDeniedException.class, () -> p.reminders.save(null, List.of(30), List.of(), SUBJECT, BODY));
        assertThrows(AccessDeniedException.class, () -> p.reminders.useDefault(CPA));
        assertThrows(AccessDeniedException.class, () -> p.reminders.testSend(CPA, 201, null, null));
        p.security.as(Role.SYSADMIN);
        p.reminders.save(null, List.of(30), List.of(), SUBJECT, BODY);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thePreviewRendersARealEnrolleeWithTodaysDaysLeft(String db) throws SQLException {
        ReminderServiceImpl reminders = start(db).reminders;
        reminders.save(null, List.of(30), List.of(7), SUBJECT, BODY);
        ReminderMessage ada = reminders.preview(CPA, 201, null, null);
        assertEquals("ada@example.org", ada.to());
        assertEquals("Certified Public Accountant: 30 days left", ada.subject());
        assertEquals("Dear Ada Lovelace, your certification expires on 31 March 2026.", ada.body());
        // unsaved templates; an enrollee in the grace period (20 Feb + 30 days of grace: 21 days left), no address
        ReminderMessage alan = reminders.preview(CPA, 202, "{name}", "{daysLeft}");
        assertNull(alan.to());
        assertEquals("Alan Turing", alan.subject());
        assertEquals("21", alan.body());
        assertEquals("Ada Lovelace's enrollment 203 is in Registered Nurse, not in this program.",
                assertThrows(IllegalArgumentException.class, () -> reminders.preview(CPA, 203, null, null))
                        .getMessage());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aTestGoesToTheStaffMembersOwnAddressOnlyAndIsRefusedWithoutOne(String db) throws SQLException {
        TrackingPortal p = start(db);
        p.reminders.save(null, List.of(30), List.of(), SUBJECT, BODY);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> p.reminders.testSend(CPA, 201, null, null));
        assertTrue(none.getMessage().startsWith("Your account has no email address"), none.getMessage());
        p.security.as(Role.SYSADMIN);
        assertEquals(0, p.outbox.search(null, null, PageRequest.first(10)).total());

        p.security.as(Role.CERTIFICATION_MANAGER);
        p.users.ownEmail = "manager@example.org";
        assertEquals("manager@example.org", p.reminders.testSend(CPA, 201, null, "Dear {name}"));
        p.security.as(Role.SYSADMIN);
        List<OutboxEntry> queued = p.outbox.search(null, null, PageRequest.first(10)).items();
        assertEquals(1, queued.size());
        assertEquals("manager@example.org", queued.get(0).to());
        assertEquals("[Test] Certified Public Accountant: 30 days left", queued.get(0).subject());
        assertEquals("Dear Ada Lovelace", p.outbox.find(queued.get(0).id()).orElseThrow().body());
    }
}
