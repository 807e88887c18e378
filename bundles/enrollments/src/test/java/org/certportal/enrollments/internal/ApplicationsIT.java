package org.certportal.enrollments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.certportal.audit.internal.AuditLogImpl;
import org.certportal.contacts.internal.ContactServiceImpl;
import org.certportal.persistence.api.CsvImport;
import org.certportal.enrollments.api.Application;
import org.certportal.enrollments.api.ApplicationFilter;
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.ImportReport;
import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.persistence.internal.LiquibaseSchemaMigrator;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.persistence.testing.TestJpa;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Applications on H2 and on the throwaway PostgreSQL: submitting makes the enrollment Applied, each
 * decision moves it through the one status door (audited once), the list filters and pages in the
 * database, a CSV file is checked whole and imported all or nothing, and the permissions hold.
 */
class ApplicationsIT {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    private static final long APP = 10, PLAIN = 11, DRAFT_APP = 12, APPROVAL_APP = 13;

    private DataSource ds;
    private TestJpa jpa;
    private TestSecurity security;
    private EnrollmentServiceImpl enrollments;
    private ApplicationService applications;

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
        FakePrograms programs = new FakePrograms();
        ProgramOptions plain = Fixtures.options(false, false, false, false);
        programs.add(APP, "APP", plain.withApplicationRequired(true));
        programs.add(PLAIN, "PLAIN", plain);
        programs.add(DRAFT_APP, "DRAFT-APP", ProgramStatus.DRAFT, plain.withApplicationRequired(true));
        programs.add(APPROVAL_APP, "APPR-APP", Fixtures.options(true, false, false, false)
                .withApplicationRequired(true));
        enrollments = new EnrollmentServiceImpl(jpa, security, migrator, audit, programs, CLOCK);
        applications = new ApplicationServiceImpl(jpa, security, audit, programs, enrollments, CLOCK);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // the programs feature's published view, as a table: its columns are the contract
            s.execute("CREATE TABLE program_summary (id BIGINT PRIMARY KEY, code VARCHAR(32), code_key VARCHAR(32),"
                    + " name VARCHAR(200), name_key VARCHAR(200), status VARCHAR(16))");
            s.execute("INSERT INTO program_summary VALUES (10, 'APP', 'APP', 'Applied program', 'applied program',"
                    + " 'ACTIVE'), (11, 'PLAIN', 'PLAIN', 'Plain', 'plain', 'ACTIVE'), (12, 'DRAFT-APP', 'DRAFT-APP',"
                    + " 'Draft', 'draft', 'DRAFT'), (13, 'APPR-APP', 'APPR-APP', 'Approval', 'approval', 'ACTIVE')");
        }
        contact(1, "Ada", "Lovelace", "L-1");
        contact(2, "Alan", "Turing", "T-2");
        contact(3, "Grace", "Hopper", "H-3");
        contact(4, "Edsger", "Dijkstra", "D-4");
        contact(5, "Barbara", "Liskov", "L-5");
    }

    @AfterEach
    void close() {
        if (jpa != null) {
            jpa.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void submittingMakesTheEnrollmentAppliedAndApprovingMovesItToInProgressThroughTheDoor(String db) throws Exception {
        start(db);
        Application a = applications.submit(APP, 1, LocalDate.of(2025, 6, 1));
        assertEquals(ApplicationStatus.SUBMITTED, a.status());
        assertEquals("Ada Lovelace", a.contactName());
        assertEquals("APP", a.programCode());
        assertEquals(LocalDate.of(2025, 6, 1), a.appliedOn());
        Enrollment e = enrollments.find(a.enrollmentId()).orElseThrow();
        assertEquals(CertificationStatus.APPLIED, e.status(), "tracking shows Applied");
        assertEquals(LocalDate.of(2025, 6, 1), e.enrolledOn(), "enrolled on the application date");
        assertEquals(1, audited("application", a.id()));

        Application reviewing = applications.decide(a.id(), a.version(), ApplicationStatus.UNDER_REVIEW, null);
        assertEquals(ApplicationStatus.UNDER_REVIEW, reviewing.status());
        assertNull(reviewing.decidedBy(), "under review is no decision");
        assertEquals(CertificationStatus.APPLIED, enrollments.find(e.id()).orElseThrow().status());
        assertEquals(0, audited("enrollment", e.id()));

        assertThrows(ConcurrentModificationException.class,
                () -> applications.decide(a.id(), a.version(), ApplicationStatus.APPROVED, null));
        Application approved = applications.decide(a.id(), reviewing.version(), ApplicationStatus.APPROVED, null);
        assertEquals(ApplicationStatus.APPROVED, approved.status());
        assertEquals("staff-user", approved.decidedBy());
        assertEquals(CLOCK.instant(), approved.decidedAt());
        assertEquals(CertificationStatus.IN_PROGRESS, enrollments.find(e.id()).orElseThrow().status());
        assertEquals(1, audited("enrollment", e.id()), "the enrollment's move audited once, by the door");
        assertEquals(3, audited("application", a.id()));

        assertEquals("The application was approved already; a decided application stays as it is.",
                assertThrows(IllegalArgumentException.class, () -> applications.decide(a.id(), approved.version(),
                        ApplicationStatus.WITHDRAWN, "changed mind")).getMessage());
        assertEquals(List.of(approved), applications.ofContact(1));
        assertEquals(approved, applications.find(a.id()).orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rejectingDeclinesWithTheReasonAndWithdrawingCancelsSoTheContactMayApplyAgain(String db) throws Exception {
        start(db);
        Application a = applications.submit(APP, 2, null);
        assertEquals(TODAY, a.appliedOn(), "no date: today");
        assertEquals("Give the reason why the application is rejected.", assertThrows(
                IllegalArgumentException.class, () -> applications.decide(a.id(), a.version(),
                        ApplicationStatus.REJECTED, "  ")).getMessage());
        assertEquals(ApplicationStatus.SUBMITTED, applications.find(a.id()).orElseThrow().status(), "nothing changed");
        Application rejected = applications.decide(a.id(), a.version(), ApplicationStatus.REJECTED,
                " No degree on file ");
        assertEquals("No degree on file", rejected.reason());
        assertEquals(CertificationStatus.DECLINED, enrollments.find(a.enrollmentId()).orElseThrow().status());
        assertTrue(changes("enrollment", a.enrollmentId()).contains("reason: ∅ → No degree on file"));

        Application b = applications.submit(APP, 3, null);
        Application withdrawn = applications.decide(b.id(), b.version(), ApplicationStatus.WITHDRAWN, "Moved abroad");
        assertEquals(ApplicationStatus.WITHDRAWN, withdrawn.status());
        assertEquals(CertificationStatus.CANCELLED, enrollments.find(b.enrollmentId()).orElseThrow().status());
        Application again = applications.submit(APP, 3, null);
        assertTrue(again.enrollmentId() != b.enrollmentId(), "a new Applied enrollment");
        assertEquals(CertificationStatus.APPLIED, enrollments.find(again.enrollmentId()).orElseThrow().status());

        // the enrollment approved on its own page: the application follows, decided once
        enrollments.approve(again.enrollmentId(), enrollments.find(again.enrollmentId()).orElseThrow().version());
        Application followed = applications.find(again.id()).orElseThrow();
        assertEquals(ApplicationStatus.APPROVED, followed.status());
        assertEquals("staff-user", followed.decidedBy());
        assertEquals(2, audited("application", again.id()), "submitted, then approved with its enrollment");
        assertEquals(1, audited("enrollment", again.enrollmentId()));
        assertThrows(ConcurrentModificationException.class, () -> applications.decide(again.id(), again.version(),
                ApplicationStatus.APPROVED, null));
        // declined on its own page, or cancelled by its program's rules: rejected or withdrawn with the reason
        Application d = applications.submit(APP, 4, null);
        Enrollment de = enrollments.find(d.enrollmentId()).orElseThrow();
        enrollments.decline(de.id(), de.version(), "incomplete");
        Application rejectedToo = applications.find(d.id()).orElseThrow();
        assertEquals(ApplicationStatus.REJECTED, rejectedToo.status());
        assertEquals("incomplete", rejectedToo.reason());
        security.as(Role.CERTIFICATION_ADMIN);
        Application e = applications.submit(APPROVAL_APP, 5, null);
        enrollments.cancel(e.enrollmentId(), enrollments.find(e.enrollmentId()).orElseThrow().version(), "left");
        assertEquals(ApplicationStatus.WITHDRAWN, applications.find(e.id()).orElseThrow().status());
        assertEquals("certadmin-user", applications.find(e.id()).orElseThrow().decidedBy());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void submittingRefusesWithASentenceAndChangesNothing(String db) throws Exception {
        start(db);
        assertEquals("The program PLAIN has no related application; enroll the contact instead.",
                assertThrows(IllegalArgumentException.class, () -> applications.submit(PLAIN, 1, null)).getMessage());
        assertEquals("The program DRAFT-APP is draft; only Active programs take applications.",
                assertThrows(IllegalArgumentException.class, () -> applications.submit(DRAFT_APP, 1, null))
                        .getMessage());
        assertEquals("The application date 2025-06-16 is in the future.", assertThrows(IllegalArgumentException.class,
                () -> applications.submit(APP, 1, TODAY.plusDays(1))).getMessage());
        assertEquals("No contact with id 99.", assertThrows(IllegalArgumentException.class,
                () -> applications.submit(APP, 99, null)).getMessage());
        applications.submit(APP, 1, LocalDate.of(2025, 5, 2));
        assertEquals("Ada Lovelace already has an open application to APP (applied on 2025-05-02, submitted).",
                assertThrows(IllegalArgumentException.class, () -> applications.submit(APP, 1, null)).getMessage());
        // enrolled directly: no application on top
        enrollments.enroll(APP, List.of(2L), null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> applications.submit(APP, 2, null)).getMessage()
                .startsWith("Already enrolled since 2025-06-15"));
        // an applicant enrolled by hand (Applied) is taken, not enrolled twice
        Enrollment applied = enrollments.enroll(APPROVAL_APP, List.of(3L), null).enrolled().get(0);
        assertEquals(CertificationStatus.APPLIED, applied.status());
        assertEquals(applied.id(), applications.submit(APPROVAL_APP, 3, null).enrollmentId());
        assertEquals(1, enrollments.enrollmentsOf(3).size());
        assertEquals(3, applications.count(ApplicationFilter.any()) + 1, "the refused ones stored nothing");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theListFiltersSortsAndPagesInTheDatabase(String db) throws Exception {
        start(db);
        Application ada = applications.submit(APP, 1, LocalDate.of(2025, 3, 1));
        applications.submit(APP, 2, LocalDate.of(2025, 4, 1));
        Application grace = applications.submit(APP, 3, LocalDate.of(2025, 5, 1));
        applications.submit(APPROVAL_APP, 5, LocalDate.of(2025, 6, 1));
        applications.decide(grace.id(), grace.version(), ApplicationStatus.REJECTED, "late");
        applications.decide(ada.id(), ada.version(), ApplicationStatus.UNDER_REVIEW, null);

        Page<Application> newest = applications.search(ApplicationFilter.any(), new PageRequest(0, 2, null, true));
        assertEquals(4, newest.total());
        assertEquals(List.of("Barbara Liskov", "Grace Hopper"), newest.items().stream().map(Application::contactName)
                .toList(), "newest first by default");
        Page<Application> second = applications.search(ApplicationFilter.any(), new PageRequest(2, 2, null, true));
        assertEquals(List.of("Alan Turing", "Ada Lovelace"), second.items().stream().map(Application::contactName)
                .toList());
        assertEquals(List.of("Grace Hopper", "Barbara Liskov", "Ada Lovelace", "Alan Turing"), applications.search(
                ApplicationFilter.any(), new PageRequest(0, 10, ApplicationService.SORT_NAME, true)).items().stream()
                .map(Application::contactName).toList());

        ApplicationFilter open = new ApplicationFilter(APP, Set.of(ApplicationStatus.SUBMITTED,
                ApplicationStatus.UNDER_REVIEW), null, null, null);
        assertEquals(2, applications.count(open));
        assertEquals(List.of(1L, 2L), applications.search(open, new PageRequest(0, 10, ApplicationService.SORT_APPLIED_ON,
                true)).items().stream().map(Application::contactId).toList());
        ApplicationFilter april = new ApplicationFilter(null, Set.of(), LocalDate.of(2025, 4, 1),
                LocalDate.of(2025, 5, 1), null);
        assertEquals(2, applications.count(april), "both ends included");
        assertEquals(2, applications.count(new ApplicationFilter(null, Set.of(), null, null, "l")),
                "family names starting with L: Lovelace, Liskov");
        assertEquals(1, applications.count(new ApplicationFilter(null, Set.of(), null, null, "T-2")),
                "or the exact identifier");
        assertEquals("The application date 'from' 2025-05-02 is after 'through' 2025-05-01.", assertThrows(
                IllegalArgumentException.class, () -> applications.count(new ApplicationFilter(null, Set.of(),
                        LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 1), null))).getMessage());

        try (Connection c = ds.getConnection()) {
            assertEquals(List.of(1L, 2L), applications.selectContacts(c, APP, open));
            assertEquals(List.of(2L), applications.selectContacts(c, APP, new ApplicationFilter(null, Set.of(), null,
                    null, "turing")));
            assertEquals(List.of(1L, 2L, 3L), applications.selectContacts(c, APP, null));
            assertThrows(IllegalArgumentException.class, () -> applications.selectContacts(c, PLAIN, open));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFileWithABadRowImportsNothingAndNamesEveryBadLine(String db) throws Exception {
        start(db);
        applications.submit(APP, 4, LocalDate.of(2025, 1, 10));
        String bad = "contact,program,applied\n"
                + "L-1,APP,2025-06-01\n" // good
                + "T-2,app,2025-13-01\n" // a date that is none
                + "X-9,APP,2025-06-01\n" // no such contact
                + "H-3,NOPE,2025-06-01\n" // no such program
                + "H-3,PLAIN,2025-06-01\n" // no applications there
                + "L-1,APP,2025-06-02\n" // the same contact and program twice
                + "D-4,APP,2025-06-01\n" // an open application already
                + "L-5,APP,2025-07-01\n"; // in the future
        ImportReport report = applications.importCsv(new StringReader(bad));
        assertEquals(8, report.rows());
        assertEquals(0, report.imported());
        assertEquals(List.of("Line 3:", "Line 4:", "Line 5:", "Line 6:", "Line 7:", "Line 8:", "Line 9:"),
                report.errors().stream().map(e -> e.substring(0, e.indexOf(':') + 1)).toList(), report.errors()
                        .toString());
        assertTrue(report.errors().get(0).contains("'2025-13-01' is no date"), report.errors().get(0));
        assertTrue(report.errors().get(1).contains("no contact has the identifier 'X-9'"), report.errors().get(1));
        assertTrue(report.errors().get(3).contains("has no related application"), report.errors().get(3));
        assertTrue(report.errors().get(4).contains("twice in this file"), report.errors().get(4));
        assertTrue(report.errors().get(5).contains("already has an open application"), report.errors().get(5));
        assertEquals(1, applications.count(ApplicationFilter.any()), "nothing imported");
        assertTrue(enrollments.enrollmentsOf(1).isEmpty(), "not even the good row's enrollment");

        ImportReport extra = applications.importCsv(new StringReader("program,applied,contact,note\n"
                + "APP,2025-06-01,L-1,first\n"));
        assertEquals(List.of("Line 1: the column 'note' is not one this import reads (the columns are "
                + "contact,program,applied)."), extra.errors(), "an extra column is an error, not ignored");
        ImportReport latin1 = applications.importCsv(CsvImport.utf8(new ByteArrayInputStream(
                "contact,program,applied\nL-1,APP,2025-06-01\nT-2,APP,2025-06-0é\n".getBytes(
                        StandardCharsets.ISO_8859_1))));
        assertEquals(1, latin1.errors().size());
        assertTrue(latin1.errors().get(0).startsWith("Line 3 is not UTF-8 text"), latin1.errors().toString());
        assertEquals(1, applications.count(ApplicationFilter.any()), "nothing imported");

        // a byte-order mark (Excel's CSV UTF-8), the columns in another order, a blank line
        String good = "\uFEFFprogram,applied,contact\nAPP,2025-06-01,L-1\napp,2025-06-02,T-2\n\nAPPR-APP,2025-06-03,L-5\n";
        ImportReport check = applications.importCsv(new StringReader(good), true);
        assertTrue(check.ok());
        assertEquals(0, check.imported(), "a check imports nothing");
        assertEquals(1, applications.count(ApplicationFilter.any()));
        ImportReport done = applications.importCsv(new StringReader(good));
        assertEquals(List.of(), done.errors());
        assertEquals(3, done.imported());
        assertEquals(2, applications.count(new ApplicationFilter(APP, Set.of(ApplicationStatus.SUBMITTED),
                LocalDate.of(2025, 6, 1), null, null)));
        assertEquals(CertificationStatus.APPLIED, enrollments.enrollmentsOf(5).get(0).status());

        ImportReport noHeader = applications.importCsv(new StringReader("who,what\nL-1,APP\n"));
        assertEquals(List.of("Line 1: the column 'who' is not one this import reads; the column 'what' is not one"
                + " this import reads; the header lacks contact, program, applied (the columns are "
                + "contact,program,applied)."), noHeader.errors());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutTheRightsEveryCallIsRefusedAndAPurgeKeepsTheApplication(String db) throws Exception {
        start(db);
        Application a = applications.submit(APP, 1, null);
        security.as(Role.STUDENT_RECORDS);
        assertThrows(AccessDeniedException.class, () -> applications.search(ApplicationFilter.any(),
                new PageRequest(0, 10, null, true)));
        assertThrows(AccessDeniedException.class, () -> applications.count(ApplicationFilter.any()));
        assertThrows(AccessDeniedException.class, () -> applications.ofContact(1));
        assertThrows(AccessDeniedException.class, () -> applications.submit(APP, 2, null));
        assertThrows(AccessDeniedException.class, () -> applications.decide(a.id(), a.version(),
                ApplicationStatus.APPROVED, null));
        assertThrows(AccessDeniedException.class, () -> applications.importCsv(new StringReader(
                "contact,program,applied\nT-2,APP,2025-06-01\n")));
        try (Connection c = ds.getConnection()) {
            assertThrows(AccessDeniedException.class, () -> applications.selectContacts(c, APP, null));
        }
        security.as(Role.STAFF);
        assertEquals(ApplicationStatus.SUBMITTED, applications.find(a.id()).orElseThrow().status());
        assertEquals(1, applications.count(ApplicationFilter.any()));

        Application rejected = applications.decide(a.id(), a.version(), ApplicationStatus.REJECTED, "no");
        security.as(Role.CERTIFICATION_MANAGER);
        assertEquals(1, enrollments.purge(List.of(rejected.enrollmentId())));
        Application kept = applications.find(a.id()).orElseThrow();
        assertNull(kept.enrollmentId(), "the application stays, without its purged enrollment");
        assertEquals(ApplicationStatus.REJECTED, kept.status());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void demoDataAppliesAHandfulAndDecidesSomeTheSameWayForTheSameSeed(String db) throws Exception {
        start(db);
        enrollments.enroll(APP, List.of(2L), null); // already in the program: skipped
        assertEquals(4, DemoApplications.generate(applications, TODAY, List.of(APP), new long[] { 1, 2, 3, 4, 5 },
                7));
        List<ApplicationStatus> statuses = applications.search(ApplicationFilter.ofProgram(APP),
                new PageRequest(0, 10, ApplicationService.SORT_STATUS, true)).items().stream()
                .map(Application::status).toList();
        assertEquals(List.of(ApplicationStatus.APPROVED, ApplicationStatus.REJECTED, ApplicationStatus.SUBMITTED,
                ApplicationStatus.UNDER_REVIEW), statuses);
        assertEquals(1, DemoApplications.generate(applications, TODAY, List.of(APP), new long[] { 1, 2, 3, 4, 5 }, 7),
                "only the rejected applicant (declined: closed) may apply again; the others are in the program");
    }

    private long audited(String type, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM"
                + " audit_entry WHERE entity_type = ? AND entity_id = ?")) {
            s.setString(1, type);
            s.setString(2, String.valueOf(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String changes(String type, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("SELECT changes FROM"
                + " audit_entry WHERE entity_type = ? AND entity_id = ? ORDER BY id")) {
            s.setString(1, type);
            s.setString(2, String.valueOf(id));
            StringBuilder all = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.append(rs.getString(1)).append('\n');
                }
            }
            return all.toString();
        }
    }

    private void contact(long id, String given, String family, String externalId) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id,"
                + " given_name, family_name, family_name_key, email, birth_date, external_id, created_at, version)"
                + " VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, 1)")) {
            ps.setLong(1, id);
            ps.setString(2, given);
            ps.setString(3, family);
            ps.setString(4, family.toLowerCase(java.util.Locale.ROOT));
            ps.setString(5, externalId);
            ps.setTimestamp(6, Timestamp.valueOf("2025-01-01 00:00:00"));
            ps.executeUpdate();
        }
    }
}
