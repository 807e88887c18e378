package org.certportal.enrollments.internal;

import org.certportal.programs.testing.FakePrograms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.EnrolleeFilter;
import org.certportal.enrollments.api.EnrolleeRow;
import org.certportal.enrollments.api.EnrollResult;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.ProgressStep;
import org.certportal.enrollments.api.PurgeCandidate;
import org.certportal.enrollments.api.Refusal;
import org.certportal.enrollments.api.RequirementState;
import org.certportal.enrollments.api.Standing;
import org.certportal.enrollments.api.Trackers;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The enrollment service on H2 and on the throwaway PostgreSQL: real migrations (its own and the
 * contacts feature's table it joins), real audit log, the test security with this feature's
 * permissions, a fixed "today", and programs faked through their API.
 */
class EnrollmentServiceIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final long PLAIN = 1, CANCELLABLE = 2, APPROVAL = 3, MAINTENANCE = 4, DRAFT = 5, REVIEWED = 6;

    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private FakePrograms programs;
    private EnrollmentServiceImpl service;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        ds = TestDatabases.fresh(db);
        LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator(ds);
        migrator.migrate(ContactServiceImpl.class, "db/contacts.changelog.xml");
        security = new TestSecurity(new EnrollmentPermissionProvider()).as(Role.STAFF);
        AuditLogImpl audit = new AuditLogImpl(security, migrator, ds);
        jpa = new TestJpa("certportal-enrollments", ds);
        programs = new FakePrograms();
        programs.add(PLAIN, "PLAIN", options(false, false, false, false));
        programs.add(CANCELLABLE, "CANC", options(false, true, false, false));
        programs.add(APPROVAL, "APPR", options(true, false, false, false));
        programs.add(MAINTENANCE, "MAINT", options(false, false, true, false));
        programs.add(DRAFT, "DRAFT", ProgramStatus.DRAFT, options(false, false, false, false));
        programs.add(REVIEWED, "REV", options(false, false, false, true));
        service = new EnrollmentServiceImpl(jpa, security, migrator, audit, programs,
                Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    private static ProgramOptions options(boolean approval, boolean mayCancel, boolean maintenance, boolean review) {
        return new ProgramOptions(approval, false, mayCancel, maintenance, review, 24, 12, 30, BigDecimal.ZERO,
                RecertificationBasis.COMPLETION_DATE, null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void enrollingManyRefusesSomeWithReasonsWhileTheOthersEnroll(String db) throws Exception {
        start(db);
        contacts(1, 6);
        service.enroll(PLAIN, List.of(2L), TODAY.minusMonths(1));
        Enrollment third = service.enroll(PLAIN, List.of(3L), TODAY.minusMonths(2)).enrolled().get(0);
        security.as(Role.CERTIFICATION_ADMIN);
        service.cancel(third.id(), third.version(), "moved away");
        security.as(Role.STAFF);

        EnrollResult result = service.enroll(PLAIN, List.of(1L, 2L, 3L, 999L, 4L, 4L, 5L), TODAY.minusDays(3));

        assertEquals(List.of(1L, 3L, 4L, 5L), result.enrolled().stream().map(Enrollment::contactId).toList(),
                "a contact listed twice enrolls once");
        Map<Long, String> refused = result.refused().stream().collect(Collectors.toMap(Refusal::contactId,
                Refusal::reason));
        assertEquals(Set.of(2L, 999L), refused.keySet());
        assertTrue(refused.get(2L).startsWith("Already enrolled since " + TODAY.minusMonths(1)), refused.get(2L));
        assertEquals("No such contact.", refused.get(999L));
        Enrollment e = result.enrolled().get(0);
        assertEquals(new EnrollmentDates.Dates(TODAY.minusDays(3), TODAY.minusDays(3).plusMonths(12),
                TODAY.minusDays(3).plusMonths(12).plusDays(30)),
                new EnrollmentDates.Dates(e.enrolledOn(), e.gracePeriodBegins(), e.expiresOn()));
        assertEquals(CertificationStatus.IN_PROGRESS, e.status());
        assertEquals(e, service.find(e.id()).orElseThrow(), "what enroll returns is what is stored");
        assertEquals(CertificationStatus.CANCELLED, service.find(third.id()).orElseThrow().status(),
                "re-enrolling after a cancel adds an enrollment; the cancelled one stays");
        assertEquals(2, service.enrollmentsOf(3).size());
        assertTrue(count("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'enrollment' AND action = 'enrolled 4'"
                + " AND changes LIKE '%999: No such contact.%'") == 1, "the chunk and its refusals are audited");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoEnrollsOfTheSameContactsAtOnceEnrollEachContactOnce(String db) throws Exception {
        start(db);
        contacts(1, 40);
        List<Long> everyone = java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<EnrollResult>> results = two.invokeAll(List.of(() -> {
                start.await();
                return service.enroll(PLAIN, everyone, TODAY);
            }, () -> {
                start.await();
                return service.enroll(PLAIN, everyone, TODAY);
            }));
            EnrollResult a = results.get(0).get();
            EnrollResult b = results.get(1).get();
            assertEquals(40, a.enrolled().size() + b.enrolled().size(), "each contact enrolled by one of the two");
            assertEquals(40, a.refused().size() + b.refused().size(), "and refused by the other");
        } finally {
            two.shutdownNow();
        }
        assertEquals(40, count("SELECT COUNT(*) FROM enrollment WHERE program_id = " + PLAIN));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void enrollingRefusesAProgramThatIsNotActiveAFutureDateAndCallersWithoutTheRight(String db) throws Exception {
        start(db);
        contacts(1, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.enroll(DRAFT, List.of(1L), null))
                .getMessage().contains("only Active programs accept enrollments"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> service.enroll(PLAIN, List.of(1L), TODAY.plusDays(1))).getMessage().contains("in the future"));
        security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> service.enroll(PLAIN, List.of(1L), null));
        assertEquals(0, count("SELECT COUNT(*) FROM enrollment"), "nothing changed");
        security.as(Role.STAFF);
        assertEquals(TODAY, service.enroll(PLAIN, List.of(1L), null).enrolled().get(0).enrolledOn(),
                "the date defaults to today");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void thousandsEnrollInChunksWithOneAuditEntryPerChunk(String db) throws Exception {
        start(db);
        contacts(1, 6000);
        List<Long> ids = LongStream.rangeClosed(1, 6000).boxed().toList();
        EnrollResult result = service.enroll(PLAIN, ids, TODAY);
        assertEquals(6000, result.enrolled().size());
        assertEquals(6000, result.enrolled().stream().map(Enrollment::id).distinct().count());
        assertEquals(6000, service.trackers(PLAIN).enrolledNotEarned());
        assertEquals(List.of("enrolled 1000", "enrolled 5000"), strings("SELECT action FROM audit_entry"
                + " WHERE action LIKE 'enrolled %' ORDER BY action"), "one entry per chunk of " + Enrolling.CHUNK);
        assertEquals(6000, service.enroll(PLAIN, ids, TODAY).refused().size(), "the second time all are refused");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theFourTrackersCountEachEnrolleeOnceOnTheOrganisationsToday(String db) throws Exception {
        start(db);
        contacts(1, 12);
        service.enroll(PLAIN, List.of(1L, 2L, 3L), TODAY.minusMonths(11));          // enrolled, not earned
        service.enroll(PLAIN, List.of(4L), TODAY.minusMonths(12));                  // grace begins today
        service.enroll(PLAIN, List.of(5L), TODAY.minusMonths(12).minusDays(30));    // expires today: still grace
        service.enroll(PLAIN, List.of(6L, 7L), TODAY.minusMonths(12).minusDays(31)); // expired yesterday
        Enrollment earned = service.enroll(PLAIN, List.of(8L), TODAY.minusMonths(3)).enrolled().get(0);
        service.markEarned(earned.id(), TODAY.minusDays(1));
        Enrollment lapsed = service.enroll(PLAIN, List.of(9L), TODAY.minusYears(3)).enrolled().get(0);
        service.markEarned(lapsed.id(), TODAY.minusYears(3).plusMonths(1));          // certification lapsed
        Enrollment cancelled = service.enroll(PLAIN, List.of(10L), TODAY).enrolled().get(0);
        security.as(Role.CERTIFICATION_ADMIN);
        service.cancel(cancelled.id(), cancelled.version(), null);
        service.enroll(CANCELLABLE, List.of(11L), TODAY);                           // another program

        assertEquals(new Trackers(9, 1, 3, 2, 3), service.trackers(PLAIN));
        assertEquals(new Trackers(0, 0, 0, 0, 0), service.trackers(999));

        // the database's standing filter agrees with the rules' standing of every row
        Page<EnrolleeRow> all = service.enrollees(PLAIN, EnrolleeFilter.none(), PageRequest.first(100));
        assertEquals(10, all.total());
        for (Standing s : Standing.values()) {
            Page<EnrolleeRow> filtered = service.enrollees(PLAIN, new EnrolleeFilter(null, null, s),
                    PageRequest.first(100));
            assertEquals(all.items().stream().filter(r -> r.standing() == s).map(EnrolleeRow::enrollmentId)
                    .collect(Collectors.toSet()), filtered.items().stream().map(EnrolleeRow::enrollmentId)
                            .collect(Collectors.toSet()), s.name());
            assertEquals(filtered.items().size(), filtered.total());
        }
        assertEquals(Standing.CLOSED, all.items().stream().filter(r -> r.contactId() == 10).findFirst().orElseThrow()
                .standing());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theEnrolleeListSearchesSortsAndPagesInTheDatabase(String db) throws Exception {
        start(db);
        contact(1, "Ada", "Smith", "S-1");
        contact(2, "Smitty", "Jones", "S-2");
        contact(3, "Alan", "Smithers", "S-3");
        contact(4, "Grace", "Hopper", "SMI");
        contact(5, "Ken", "Thompson", "S-5");
        service.enroll(PLAIN, List.of(1L, 2L), TODAY.minusDays(10));
        service.enroll(PLAIN, List.of(3L, 4L), TODAY.minusDays(5));
        service.enroll(PLAIN, List.of(5L), TODAY.minusDays(1));
        Enrollment applied = service.enroll(APPROVAL, List.of(1L), TODAY).enrolled().get(0);
        assertEquals(CertificationStatus.APPLIED, applied.status());

        assertEquals(List.of("Ada Smith", "Alan Smithers"), names(new EnrolleeFilter(" smi", null, null),
                PageRequest.first(10)), "family name prefix, any case, sorted by family name");
        assertEquals(List.of("Grace Hopper", "Ada Smith", "Alan Smithers"),
                names(new EnrolleeFilter("SMI", null, null), PageRequest.first(10)), "the exact identifier matches too");
        assertEquals(List.of("Ada Smith", "Alan Smithers"), names(new EnrolleeFilter("smith", null, null),
                PageRequest.first(10)), "a prefix ending in any letter (h, then z below) finds the same names");
        contact(6, "Zed", "Smz", "S-6");
        contact(7, "Zoe", "Smz-Ortiz", "S-7");
        service.enroll(PLAIN, List.of(6L, 7L), TODAY);
        assertEquals(List.of("Zed Smz", "Zoe Smz-Ortiz"), names(new EnrolleeFilter("smz", null, null),
                PageRequest.first(10)));
        assertEquals(List.of("Zoe Smz-Ortiz"), names(new EnrolleeFilter("smz-o", null, null), PageRequest.first(10)));
        assertEquals(List.of(), names(new EnrolleeFilter("S-", null, null), PageRequest.first(10)),
                "identifiers match exactly, not by prefix");
        assertEquals(List.of("Ken Thompson", "Zoe Smz-Ortiz", "Zed Smz", "Alan Smithers", "Ada Smith", "Smitty Jones",
                "Grace Hopper"), names(EnrolleeFilter.none(), new PageRequest(0, 10, EnrollmentService.SORT_NAME, false)));
        assertEquals(List.of("Ken Thompson", "Grace Hopper"), names(EnrolleeFilter.none(),
                new PageRequest(2, 2, EnrollmentService.SORT_ENROLLED_ON, false)), "after the two enrolled today");
        Page<EnrolleeRow> second = service.enrollees(PLAIN, EnrolleeFilter.none(),
                new PageRequest(2, 2, EnrollmentService.SORT_EXPIRES_ON, true));
        assertEquals(7, second.total());
        assertEquals(List.of("Alan Smithers", "Grace Hopper").stream().sorted().toList(),
                second.items().stream().map(EnrolleeRow::contactName).sorted().toList());
        assertEquals(1, service.enrollees(APPROVAL, new EnrolleeFilter(null, CertificationStatus.APPLIED, null),
                PageRequest.first(5)).total());
        assertEquals(0, service.enrollees(PLAIN, new EnrolleeFilter("x%", null, null), PageRequest.first(5)).total(),
                "% is a character, not a wildcard");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> service.enrollees(PLAIN, EnrolleeFilter.none(),
                PageRequest.first(5).sortedBy("email", true))).getMessage().contains("cannot be sorted by 'email'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void editingDatesChecksThemAuditsThemAndRefusesStaleVersions(String db) throws Exception {
        start(db);
        contacts(1, 1);
        Enrollment e = service.enroll(PLAIN, List.of(1L), TODAY.minusMonths(12).minusDays(5)).enrolled().get(0);
        assertEquals(Standing.GRACE_PERIOD, standing(e));

        Enrollment extended = service.editDates(e.id(), e.version(), e.enrolledOn(), e.gracePeriodBegins(),
                e.expiresOn().plusMonths(2));
        assertEquals(e.gracePeriodBegins(), extended.gracePeriodBegins(), "extending the expiry extends the grace period");
        assertEquals(e.version() + 1, extended.version());
        assertEquals(e.expiresOn().plusMonths(2), service.deadline(extended).completeBy());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'dates changed' AND changes LIKE"
                + " '%expiresOn: " + e.expiresOn() + " → " + e.expiresOn().plusMonths(2) + "%'"));

        assertThrows(IllegalArgumentException.class, () -> service.editDates(e.id(), extended.version(),
                e.enrolledOn(), e.enrolledOn().minusDays(1), e.expiresOn()));
        assertThrows(IllegalArgumentException.class, () -> service.editDates(e.id(), extended.version(),
                TODAY.plusDays(1), TODAY.plusDays(2), TODAY.plusDays(3)));
        assertThrows(ConcurrentModificationException.class, () -> service.editDates(e.id(), e.version(),
                e.enrolledOn(), e.gracePeriodBegins(), e.expiresOn()));
        assertEquals(extended, service.find(e.id()).orElseThrow(), "refused edits changed nothing");
        security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> service.editDates(e.id(), extended.version(), e.enrolledOn(),
                e.gracePeriodBegins(), e.expiresOn()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void staffCancelOnlyWhereTheProgramLetsEnrolleesCancelAndAdminsAnywhere(String db) throws Exception {
        start(db);
        contacts(1, 3);
        Enrollment strict = service.enroll(PLAIN, List.of(1L), TODAY).enrolled().get(0);
        Enrollment lenient = service.enroll(CANCELLABLE, List.of(1L), TODAY).enrolled().get(0);

        assertFalse(service.mayCancel(strict.id()));
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> service.cancel(strict.id(), strict.version(), "asked to"));
        assertTrue(denied.getMessage().startsWith("Not permitted: this program does not let enrollees cancel"));
        assertEquals(CertificationStatus.IN_PROGRESS, service.find(strict.id()).orElseThrow().status());

        assertTrue(service.mayCancel(lenient.id()));
        assertEquals(CertificationStatus.CANCELLED, service.cancel(lenient.id(), lenient.version(), "asked to").status());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE entity_id = '" + lenient.id()
                + "' AND action = 'status cancelled' AND actor = 'staff-user' AND changes LIKE '%reason: ∅ → asked to%'"));
        assertFalse(service.mayCancel(lenient.id()), "a cancelled enrollment cannot be cancelled again");

        security.as(Role.CERTIFICATION_ADMIN);
        assertTrue(service.mayCancel(strict.id()));
        Enrollment cancelled = service.cancel(strict.id(), strict.version(), null);
        assertThrows(IllegalArgumentException.class, () -> service.cancel(strict.id(), cancelled.version(), null));

        security.as(Role.STAFF);
        Enrollment again = service.enroll(PLAIN, List.of(1L), TODAY).enrolled().get(0);
        assertTrue(again.id() != strict.id(), "enrolled again as a new enrollment");
        assertEquals(1, again.cycle());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void applicationsAreApprovedOrDeclinedAndEarningFollowsTheRules(String db) throws Exception {
        start(db);
        contacts(1, 4);
        Enrollment a = service.enroll(APPROVAL, List.of(1L), TODAY.minusMonths(1)).enrolled().get(0);
        Enrollment b = service.enroll(APPROVAL, List.of(2L), TODAY.minusMonths(1)).enrolled().get(0);
        assertThrows(IllegalArgumentException.class, () -> service.markEarned(a.id(), TODAY),
                "an applicant must be approved first");
        Enrollment approved = service.approve(a.id(), a.version());
        assertEquals(CertificationStatus.IN_PROGRESS, approved.status());
        assertEquals(CertificationStatus.DECLINED, service.decline(b.id(), b.version(), "incomplete file").status());
        assertThrows(IllegalArgumentException.class, () -> service.approve(b.id(), b.version() + 1));

        assertThrows(IllegalArgumentException.class, () -> service.markEarned(a.id(), TODAY.plusDays(1)));
        assertThrows(IllegalArgumentException.class, () -> service.markEarned(a.id(), a.enrolledOn().minusDays(1)));
        Enrollment earned = service.markEarned(a.id(), TODAY.minusDays(2));
        assertEquals(CertificationStatus.ACTIVE, earned.status());
        assertEquals(TODAY.minusDays(2), earned.earnedOn());
        assertEquals(TODAY.minusDays(2).plusMonths(24), earned.expiresOn());
        assertEquals(1, count("SELECT COUNT(*) FROM audit_entry WHERE entity_id = '" + a.id()
                + "' AND action = 'status active' AND changes LIKE '%status: IN_PROGRESS → ACTIVE%'"));

        Enrollment reviewed = service.enroll(REVIEWED, List.of(3L), TODAY).enrolled().get(0);
        assertEquals(CertificationStatus.ADMIN_REVIEW, service.markEarned(reviewed.id(), TODAY).status());

        assertTrue(service.enroll(APPROVAL, List.of(1L), TODAY).refused().get(0).reason()
                .startsWith("Already certified"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMaintenanceEarnerEnrollsForTheNextCycle(String db) throws Exception {
        start(db);
        contacts(1, 1);
        Enrollment first = service.enroll(MAINTENANCE, List.of(1L), TODAY.minusMonths(14)).enrolled().get(0);
        Enrollment earned = service.markEarned(first.id(), TODAY.minusMonths(10));
        Enrollment next = service.enroll(MAINTENANCE, List.of(1L), TODAY).enrolled().get(0);
        assertEquals(2, next.cycle());
        assertEquals(earned.expiresOn(), next.expiresOn(), "due when the current certification expires");
        assertEquals(earned.expiresOn().minusDays(30), next.gracePeriodBegins());
        assertEquals(CertificationStatus.ACTIVE, service.find(first.id()).orElseThrow().status(),
                "the earned cycle keeps its history");
        assertTrue(service.enroll(MAINTENANCE, List.of(1L), TODAY).refused().get(0).reason()
                .startsWith("Already enrolled"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void purgingIsForCertificationManagersOnlyAndTakesOnlyCandidatesAndTheirDataNeverContacts(String db)
            throws Exception {
        start(db);
        contacts(1, 4);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE completion_stub (enrollment_id BIGINT)");
        }
        List<Enrollment> e = service.enroll(PLAIN, List.of(1L, 2L, 3L), TODAY.minusMonths(1)).enrolled();
        Enrollment expired = service.enroll(PLAIN, List.of(4L), TODAY.minusMonths(14)).enrolled().get(0);
        security.as(Role.CERTIFICATION_ADMIN);
        Enrollment cancelled = service.cancel(e.get(0).id(), e.get(0).version(), null);
        for (Enrollment x : List.of(cancelled, e.get(1), expired)) {
            execute("INSERT INTO completion_stub VALUES (" + x.id() + ")");
        }
        List<List<Long>> seen = new ArrayList<>();
        service.addDataOwner((connection, ids) -> {
            seen.add(ids);
            try (PreparedStatement del = connection.prepareStatement("DELETE FROM completion_stub WHERE enrollment_id IN ("
                    + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")")) {
                del.executeUpdate();
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });

        assertThrows(AccessDeniedException.class, () -> service.purgeCandidates(null, null, PageRequest.first(10)));
        assertThrows(AccessDeniedException.class, () -> service.purge(List.of(cancelled.id())));
        security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> service.purge(List.of(cancelled.id())));

        security.as(Role.CERTIFICATION_MANAGER);
        Page<PurgeCandidate> candidates = service.purgeCandidates(null, null, PageRequest.first(10));
        assertEquals(Set.of(cancelled.id(), expired.id()), candidates.items().stream()
                .map(PurgeCandidate::enrollmentId).collect(Collectors.toSet()));
        assertEquals(2, candidates.total());
        assertEquals(0, service.purgeCandidates(PLAIN, "nobody", PageRequest.first(10)).total());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> service.purge(List.of(cancelled.id(), e.get(1).id(), 424242L)));
        assertTrue(refused.getMessage().contains(e.get(1).id() + ", 424242") && refused.getMessage()
                .endsWith("Nothing was purged."), refused.getMessage());
        assertEquals(4, count("SELECT COUNT(*) FROM enrollment"));
        assertTrue(seen.isEmpty(), "no owner was asked");

        assertEquals(2, service.purge(List.of(cancelled.id(), expired.id())));
        assertEquals(List.of(List.of(cancelled.id(), expired.id())), seen);
        assertEquals(2, count("SELECT COUNT(*) FROM enrollment"));
        assertEquals(1, count("SELECT COUNT(*) FROM completion_stub"), "the owner's rows of other enrollments stay");
        assertEquals(4, count("SELECT COUNT(*) FROM contact"), "contacts are never purged");
        assertEquals(2, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'purged' AND actor = 'certmanager-user'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anOwnerFailingRollsTheWholePurgeBack(String db) throws Exception {
        start(db);
        contacts(1, 1);
        Enrollment e = service.enroll(PLAIN, List.of(1L), TODAY.minusMonths(14)).enrolled().get(0);
        Connection[] used = new Connection[1];
        service.addDataOwner((connection, ids) -> {
            used[0] = connection;
            throw new IllegalStateException("completions are locked");
        });
        security.as(Role.SYSADMIN);
        assertThrows(IllegalStateException.class, () -> service.purge(List.of(e.id())));
        assertTrue(used[0] != null);
        assertEquals(1, count("SELECT COUNT(*) FROM enrollment"));
        assertEquals(0, count("SELECT COUNT(*) FROM audit_entry WHERE action = 'purged'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void progressAndTranscriptShowTheRequirementsInOrderWithTheirStates(String db) throws Exception {
        start(db);
        contact(1, "Ada", "Lovelace", "S-1815");
        Enrollment e = service.enroll(PLAIN, List.of(1L), TODAY.minusMonths(2)).enrolled().get(0);
        List<ProgressStep> none = service.progress(e.id());
        assertEquals(List.of("Orientation", "Written exam", "Field practice"),
                none.stream().map(s -> s.requirement().title()).toList());
        assertTrue(none.stream().allMatch(s -> s.state().equals(RequirementState.none())));

        service.progress = id -> Map.of(PLAIN * 10 + 2, new RequirementState("Complete", TODAY.minusDays(9), "91"));
        assertEquals("91", service.progress(e.id()).get(1).state().grade());

        security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> service.transcript(1));
        security.as(Role.STAFF);
        String text = text(service.transcript(1));
        for (String expected : new String[] { "Ada Lovelace", "Identifier: S-1815", "Program PLAIN (PLAIN)",
            "Status: In progress", "Enrolled " + e.enrolledOn(), "Orientation No status",
            "Written exam Complete " + TODAY.minusDays(9) + " 91" }) {
            assertTrue(text.contains(expected), "'" + expected + "' in\n" + text);
        }
        assertThrows(IllegalArgumentException.class, () -> service.transcript(77));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void openProgramsAreTheActiveOnesTheContactMayStillEnrollIn(String db) throws Exception {
        start(db);
        contacts(1, 1);
        service.enroll(PLAIN, List.of(1L), TODAY);
        Enrollment m = service.enroll(MAINTENANCE, List.of(1L), TODAY.minusMonths(5)).enrolled().get(0);
        service.markEarned(m.id(), TODAY.minusMonths(1));
        assertEquals(List.of("Program APPR", "Program CANC", "Program MAINT", "Program REV"),
                service.openPrograms(1).stream().map(ProgramSummary::name).toList(),
                "not PLAIN (enrolled), not DRAFT; MAINT again for the next cycle");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void programUsageCountsCurrentEnrolleesOfARuleVersion(String db) throws Exception {
        start(db);
        contacts(1, 4);
        List<Enrollment> e = service.enroll(PLAIN, List.of(1L, 2L, 3L), TODAY).enrolled();
        service.enroll(PLAIN, List.of(4L), TODAY.minusYears(2));
        security.as(Role.CERTIFICATION_ADMIN);
        service.cancel(e.get(0).id(), e.get(0).version(), null);
        EnrollmentUsage usage = new EnrollmentUsage(jpa, security, new LiquibaseSchemaMigrator(ds));
        assertEquals(3, usage.currentEnrollees(PLAIN, 1), "all but the cancelled one: the expired one keeps its rules");
        assertEquals(0, usage.currentEnrollees(PLAIN, 2));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void manyAreMarkedEarnedAtOnceOrNoneWhenOneCannotBe(String db) throws Exception {
        start(db);
        contacts(1, 5);
        List<Long> plain = service.enroll(PLAIN, List.of(1L, 2L, 3L), TODAY.minusMonths(3)).enrolled().stream()
                .map(Enrollment::id).toList();
        Enrollment reviewed = service.enroll(REVIEWED, List.of(4L), TODAY.minusMonths(3)).enrolled().get(0);
        Enrollment late = service.enroll(PLAIN, List.of(5L), TODAY.minusDays(1)).enrolled().get(0);
        List<Long> all = new ArrayList<>(plain);
        all.add(reviewed.id());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> service.markEarnedAll(List.of(plain.get(0), late.id(), 31337L), TODAY.minusDays(2)));
        assertTrue(refused.getMessage().contains(late.id() + ", 31337") && refused.getMessage()
                .endsWith("Nothing was marked earned."), refused.getMessage());
        assertEquals(CertificationStatus.IN_PROGRESS, service.find(plain.get(0)).orElseThrow().status());

        assertEquals(4, service.markEarnedAll(all, TODAY.minusDays(2)));
        Enrollment earned = service.find(plain.get(1)).orElseThrow();
        assertEquals(CertificationStatus.ACTIVE, earned.status());
        assertEquals(TODAY.minusDays(2), earned.earnedOn());
        assertEquals(TODAY.minusDays(2).plusMonths(24), earned.expiresOn());
        assertEquals(2, earned.version());
        assertEquals(CertificationStatus.ADMIN_REVIEW, service.find(reviewed.id()).orElseThrow().status());
        assertEquals(new Trackers(4, 3, 1, 0, 0), service.trackers(PLAIN));
        assertEquals(2, count("SELECT COUNT(*) FROM audit_entry WHERE entity_id = 'bulk' AND action LIKE 'status %'"));
        assertThrows(IllegalArgumentException.class, () -> service.markEarnedAll(plain, TODAY),
                "earned ones cannot be earned again");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void demoDataFillsEveryTrackerAndIsTheSameForTheSameSeed(String db) throws Exception {
        start(db);
        contacts(1, 400);
        security.as(Role.SYSADMIN);
        long[] contactIds = LongStream.rangeClosed(1, 400).toArray();
        DemoEnrollments.Totals totals = new DemoEnrollments(service, 42).generate(900,
                List.of(PLAIN, CANCELLABLE, APPROVAL), contactIds);
        assertEquals(900, totals.enrolled());
        assertTrue(totals.earned() > 0 && totals.cancelled() > 0, totals.toString());
        Trackers t = service.trackers(PLAIN);
        assertTrue(t.earned() > 0 && t.enrolledNotEarned() > 0 && t.gracePeriod() > 0 && t.expired() > 0, t.toString());
        String first = fingerprint();

        start(db);
        contacts(1, 400);
        security.as(Role.SYSADMIN);
        new DemoEnrollments(service, 42).generate(900, List.of(PLAIN, CANCELLABLE, APPROVAL), contactIds);
        assertEquals(first, fingerprint(), "the same seed gives the same enrollments");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void todayIsTheOrganisationsTodayInItsTimeZone(String db) throws Exception {
        start(db);
        assertEquals(TODAY, service.today(), "UTC without settings");
        service.settings = new FixedSettings(ZoneId.of("Pacific/Kiritimati"));
        assertEquals(TODAY.plusDays(1), service.today(), "noon UTC is already tomorrow at UTC+14");
        contacts(1, 1);
        assertEquals(TODAY.plusDays(1), service.enroll(PLAIN, List.of(1L), TODAY.plusDays(1)).enrolled().get(0)
                .enrolledOn(), "not in the future there");
        service.settings = new FixedSettings(ZoneId.of("Pacific/Pago_Pago"));
        assertEquals(TODAY, service.today());
    }

    /** Settings of a chosen time zone. */
    private record FixedSettings(ZoneId zone) implements SettingsService {
        @Override
        public OrganisationSettings current() {
            OrganisationSettings d = OrganisationSettings.defaults();
            return new OrganisationSettings(zone, d.expiringNoticeDays(), d.maxUploadBytes(), d.uploadTypes());
        }

        @Override
        public OrganisationSettings update(OrganisationSettings settings) {
            throw new UnsupportedOperationException();
        }
    }

    private String fingerprint() throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT contact_id, program_id, enrolled_on, status, earned_on FROM enrollment"
                        + " ORDER BY program_id, contact_id")) {
            while (rs.next()) {
                sb.append(rs.getLong(1)).append(',').append(rs.getLong(2)).append(',').append(rs.getString(3))
                        .append(',').append(rs.getString(4)).append(',').append(rs.getString(5)).append(';');
            }
        }
        return sb.toString();
    }

    private Standing standing(Enrollment e) {
        return Standings.of(e.status(), e.gracePeriodBegins(), e.expiresOn(), TODAY);
    }

    private List<String> names(EnrolleeFilter filter, PageRequest page) {
        return service.enrollees(PLAIN, filter, page).items().stream().map(EnrolleeRow::contactName).toList();
    }

    private void contacts(long from, long to) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_CONTACT)) {
            for (long id = from; id <= to; id++) {
                bindContact(ps, id, "Given" + id, "Family" + id, "X-" + id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void contact(long id, String given, String family, String externalId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_CONTACT)) {
            bindContact(ps, id, given, family, externalId);
            ps.executeUpdate();
        }
    }

    private static final String INSERT_CONTACT = "INSERT INTO contact (id, given_name, family_name, family_name_key,"
            + " email, birth_date, external_id, created_at, version) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, 1)";

    private static void bindContact(PreparedStatement ps, long id, String given, String family, String externalId)
            throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, given);
        ps.setString(3, family);
        ps.setString(4, family.toLowerCase(java.util.Locale.ROOT));
        ps.setString(5, externalId);
        ps.setTimestamp(6, Timestamp.valueOf(TODAY.atStartOfDay()));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
        }
    }
}
