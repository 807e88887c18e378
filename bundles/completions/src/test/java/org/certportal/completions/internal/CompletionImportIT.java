package org.certportal.completions.internal;

import static org.certportal.completions.internal.Portal.ENROLLED;
import static org.certportal.completions.internal.Portal.GRADED;
import static org.certportal.completions.internal.Portal.ORDERED;
import static org.certportal.completions.internal.Portal.PLAIN;
import static org.certportal.completions.internal.Portal.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.certportal.completions.api.CompletionDraft;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.CompletionStep;
import org.certportal.completions.api.ImportMode;
import org.certportal.completions.api.ImportReport;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSV import on H2 and PostgreSQL: every row checked first, bad rows by line, the same rules per row. */
class CompletionImportIT {
    private static final String HEADER = "contact,program,requirement,date,grade\n";
    private Portal portal;
    private CompletionServiceImpl service;
    private Enrollment plain1, plain2, graded1, ordered1;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private void start(String db) throws SQLException {
        portal = new Portal(db);
        service = portal.service;
        portal.contact(1, "S-1", "ada1@example.org");
        portal.contact(2, "S-2", "ada2@example.org");
        portal.contact(3, "S-3", null);
        plain1 = portal.enroll(PLAIN, 1);
        plain2 = portal.enroll(PLAIN, 2);
        graded1 = portal.enroll(GRADED, 1);
        ordered1 = portal.enroll(ORDERED, 1);
        portal.security.as(Role.CERTIFICATION_ADMIN);
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    private ImportReport importing(String rows, ImportMode mode) {
        return service.importCsv(new StringReader(HEADER + rows), mode);
    }

    private String mixed() {
        String d = TODAY.minusDays(1).toString();
        return "S-1,PLAIN,Orientation," + d + ",\n"                  // 2 good
                + "S-1,PLAIN,2," + d + ",pass\n"                      // 3 good: earns plain1
                + "S-9,PLAIN,1," + d + ",\n"                          // 4 unknown contact
                + "S-2,NOPE,1," + d + ",\n"                           // 5 unknown program
                + "S-3,PLAIN,1," + d + ",\n"                          // 6 not enrolled
                + "S-2,PLAIN,1,2025-13-01,\n"                         // 7 bad date
                + "S-2,PLAIN,1," + TODAY.plusDays(1) + ",\n"          // 8 future date
                + "S-2,PLAIN,2," + d + ",excellent\n"                 // 9 bad grade
                + "S-2,PLAIN,Essay," + d + ",\n"                      // 10 no such requirement
                + "S-1,ORDERED,Second," + d + ",\n"                   // 11 out of order
                + "S-1,PLAIN,1," + d + ",\n"                          // 12 twice in the file
                + "S-2,DRAFT,1," + d + ",\n"                          // 13 program not Active
                + "S-2,PLAIN,1," + ENROLLED.minusDays(1) + ",\n"      // 14 before the enrollment
                + "S-2,PLAIN,2," + d + ",\n"                          // 15 good: awaiting grade
                + "S-1,GRADED,1," + d + ",88\n"                       // 16 good: awaiting approval
                + ",PLAIN,1," + d + ",\n";                            // 17 missing contact
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badRowsAreReportedByLineAndNothingIsImported(String db) throws Exception {
        start(db);
        ImportReport report = importing(mixed(), ImportMode.ALL_OR_NOTHING);
        assertEquals(16, report.rows());
        assertEquals(0, report.imported());
        assertEquals(List.of(
                "line 4: no contact with the identifier 'S-9'.",
                "line 5: no program with the code 'NOPE'.",
                "line 6: S-3 is not enrolled in PLAIN (in progress).",
                "line 7: the date '2025-13-01' is not a date like 2025-06-30.",
                "line 8: The completion date cannot be in the future (today is " + TODAY + ").",
                "line 9: The grade of this requirement is pass or fail, not 'excellent'.",
                "line 10: PLAIN has no requirement 'Essay'.",
                "line 11: This program is taken in order: complete 1. First before Second.",
                "line 12: the requirement Orientation of S-1 is already in line 2 of this file.",
                "line 13: the program DRAFT is not Active.",
                "line 14: The completion date cannot be before the enrollment date (" + ENROLLED + ").",
                "line 17: contact, program, requirement and date are required."), report.errors());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion"));
        assertEquals(CertificationStatus.IN_PROGRESS, portal.enrollments.find(plain1.id()).orElseThrow().status());

        ImportReport dry = importing(mixed(), ImportMode.DRY_RUN);
        assertEquals(report.errors(), dry.errors());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion"), "a dry run imports nothing");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFilesContactsAreLookedUpInOneCallAndTheirEnrollmentsInOneCallPerProgram(String db) throws Exception {
        start(db);
        Map<String, Integer> calls = new HashMap<>();
        EnrollmentService counted = (EnrollmentService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { EnrollmentService.class }, (proxy, method, args) -> {
                    calls.merge(method.getName(), 1, Integer::sum);
                    try {
                        return method.invoke(portal.enrollments, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        int lookups = portal.contacts.lookups;

        CompletionImport.Plan plan;
        try (Connection c = portal.ds.getConnection()) {
            plan = new CompletionImport(portal.programs, portal.contacts, counted, TODAY).plan(c,
                    CompletionImport.parse(new StringReader(HEADER + mixed())));
        }

        assertEquals(16, plan.rows());
        assertEquals(4, plan.good().size());
        assertEquals(1, portal.contacts.lookups - lookups, "one lookup for every contact of the file");
        assertEquals(Map.of("inProgress", 4), calls, "one per program named with known contacts: PLAIN, ORDERED,"
                + " GRADED, DRAFT");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void goodRowsOnlyImportsTheRestByTheSameRules(String db) throws Exception {
        start(db);
        ImportReport report = importing(mixed(), ImportMode.GOOD_ROWS_ONLY);
        assertEquals(12, report.errors().size());
        assertEquals(4, report.imported());
        assertEquals(1, report.earned());
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(plain1.id()).orElseThrow().status());
        assertEquals(List.of("ada1@example.org"), portal.strings("SELECT recipient FROM mail_outbox"));
        assertEquals(List.of(CompletionStatus.NO_STATUS, CompletionStatus.AWAITING_GRADE), service.progress(
                plain2.id()).steps().stream().map(CompletionStep::status).toList());
        assertEquals(CompletionStatus.AWAITING_APPROVAL, service.progress(graded1.id()).steps().get(0).status());
        assertEquals(List.of("imported 4"), portal.strings("SELECT action FROM audit_entry WHERE action LIKE"
                + " 'imported%'"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theInOrderRuleCountsTheFilesEarlierRowsAndTheStoredState(String db) throws Exception {
        start(db);
        String d = TODAY.toString();
        assertEquals(List.of("line 3: This program is taken in order: complete 2. Second before Third."),
                importing("S-1,ORDERED,1," + d + ",\nS-1,ORDERED,3," + d + ",\nS-1,ORDERED,2," + d + ",\n",
                        ImportMode.DRY_RUN).errors(), "line 2 made the first complete; the third comes too early");
        ImportReport inOrder = importing("S-1,ORDERED,1," + d + ",\nS-1,ORDERED,2," + d + ",\n",
                ImportMode.ALL_OR_NOTHING);
        assertEquals(2, inOrder.imported());
        ImportReport rest = importing("S-1,ORDERED,Third," + d + ",\n", ImportMode.ALL_OR_NOTHING);
        assertEquals(List.of(), rest.errors());
        assertEquals(1, rest.earned());
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(ordered1.id()).orElseThrow().status());
        assertEquals(List.of("line 2: S-1 is not enrolled in ORDERED (in progress)."), importing("S-1,ORDERED,1," + d
                + ",\n", ImportMode.ALL_OR_NOTHING).errors(), "earned: no enrollment in progress any more");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void importGradesWhatWasRecordedAndRefusesCompleteOnes(String db) throws Exception {
        start(db);
        portal.security.as(Role.STAFF);
        service.record(plain2.id(), null, new CompletionDraft(12, null, TODAY, "kept", null, null));
        service.record(plain2.id(), null, new CompletionDraft(11, null, TODAY, null, null, null));
        portal.security.as(Role.CERTIFICATION_ADMIN);
        String d = TODAY.toString();
        assertEquals(List.of("line 2: " + CompletionRules.READ_ONLY), importing("S-2,PLAIN,1," + d + ",\n",
                ImportMode.DRY_RUN).errors());
        ImportReport graded = importing("S-2,PLAIN,2," + d + ",PASS\n", ImportMode.ALL_OR_NOTHING);
        assertEquals(1, graded.earned());
        assertEquals("kept", service.progress(plain2.id()).steps().get(1).completion().notes(),
                "the import records again over what was there, keeping the notes");
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(plain2.id()).orElseThrow().status());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFileThatIsNotTheCsvExpectedIsRefused(String db) throws Exception {
        start(db);
        assertThrows(IllegalArgumentException.class, () -> service.importCsv(new StringReader("name,date\nx,y\n"),
                ImportMode.ALL_OR_NOTHING));
        assertEquals(new ImportReport(0, 0, 0, List.of()), importing("", ImportMode.ALL_OR_NOTHING));
    }
}
