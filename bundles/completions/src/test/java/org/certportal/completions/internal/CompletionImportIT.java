package org.certportal.completions.internal;

import static org.certportal.completions.internal.Portal.ENROLLED;
import static org.certportal.completions.internal.Portal.GRADED;
import static org.certportal.completions.internal.Portal.ORDERED;
import static org.certportal.completions.internal.Portal.PLAIN;
import static org.certportal.completions.internal.Portal.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
import org.certportal.persistence.api.CsvImport;
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
                "Line 4: no contact with the identifier 'S-9'.",
                "Line 5: no program with the code 'NOPE'.",
                "Line 6: S-3 is not enrolled in PLAIN (in progress).",
                "Line 7: the date '2025-13-01' is not a date like 2025-06-30.",
                "Line 8: The completion date cannot be in the future (today is " + TODAY + ").",
                "Line 9: The grade of this requirement is pass or fail, not 'excellent'.",
                "Line 10: PLAIN has no requirement 'Essay'.",
                "Line 11: This program is taken in order: complete 1. First before Second.",
                "Line 12: the requirement Orientation of S-1 is already in line 2 of this file.",
                "Line 13: the program DRAFT is not Active.",
                "Line 14: The completion date cannot be before the enrollment date (" + ENROLLED + ").",
                "Line 17: contact, program, requirement and date are required."), report.errors());
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
        assertEquals(List.of("Line 3: This program is taken in order: complete 2. Second before Third."),
                importing("S-1,ORDERED,1," + d + ",\nS-1,ORDERED,3," + d + ",\nS-1,ORDERED,2," + d + ",\n",
                        ImportMode.DRY_RUN).errors(), "line 2 made the first complete; the third comes too early");
        ImportReport inOrder = importing("S-1,ORDERED,1," + d + ",\nS-1,ORDERED,2," + d + ",\n",
                ImportMode.ALL_OR_NOTHING);
        assertEquals(2, inOrder.imported());
        ImportReport rest = importing("S-1,ORDERED,Third," + d + ",\n", ImportMode.ALL_OR_NOTHING);
        assertEquals(List.of(), rest.errors());
        assertEquals(1, rest.earned());
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(ordered1.id()).orElseThrow().status());
        assertEquals(List.of("Line 2: S-1 is not enrolled in ORDERED (in progress)."), importing("S-1,ORDERED,1," + d
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
        assertEquals(List.of("Line 2: " + CompletionRules.READ_ONLY), importing("S-2,PLAIN,1," + d + ",\n",
                ImportMode.DRY_RUN).errors());
        ImportReport graded = importing("S-2,PLAIN,2," + d + ",PASS\n", ImportMode.ALL_OR_NOTHING);
        assertEquals(1, graded.earned());
        assertEquals("kept", service.progress(plain2.id()).steps().get(1).completion().notes(),
                "the import records again over what was there, keeping the notes");
        assertEquals(CertificationStatus.ACTIVE, portal.enrollments.find(plain2.id()).orElseThrow().status());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFileThatIsNotTheCsvExpectedIsRefusedNamingTheLine(String db) throws Exception {
        start(db);
        ImportReport header = service.importCsv(new StringReader("name,date\nx,y\n"), ImportMode.GOOD_ROWS_ONLY);
        assertEquals(0, header.imported());
        assertTrue(header.errors().get(0).startsWith("Line 1: the column 'name' is not one this import reads"),
                header.errors().toString());
        String d = TODAY.minusDays(1).toString();
        byte[] latin1 = (HEADER + "S-1,PLAIN,Orientation," + d + ",\nS-2,PLAIN,1," + d + ",réussi\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        ImportReport encoding = service.importCsv(CsvImport.utf8(new ByteArrayInputStream(latin1)),
                ImportMode.GOOD_ROWS_ONLY);
        assertEquals(0, encoding.imported(), "not even the good line before the bad one");
        assertTrue(encoding.errors().get(0).startsWith("Line 3 is not UTF-8 text"), encoding.errors().toString());
        assertEquals(0, portal.count("SELECT COUNT(*) FROM completion"));
        assertEquals(new ImportReport(0, 0, 0, List.of("The file is empty: its first line names the columns "
                + "contact,program,requirement,date,grade.")), service.importCsv(new StringReader(""),
                        ImportMode.ALL_OR_NOTHING));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aByteOrderMarkIsReadAndEveryBadRowIsCountedBeyondThoseListed(String db) throws Exception {
        start(db);
        String d = TODAY.minusDays(1).toString();
        StringBuilder rows = new StringBuilder("S-1,PLAIN,Orientation," + d + ",\n");
        int bad = 1500;
        for (int i = 0; i < bad; i++) {
            rows.append("S-9,PLAIN,1,").append(d).append(",\n");
        }
        ImportReport report = service.importCsv(new StringReader("\uFEFF" + HEADER + rows), ImportMode.DRY_RUN);
        assertEquals(1 + bad, report.rows());
        assertEquals("Line 3: no contact with the identifier 'S-9'.", report.errors().get(0));
        assertEquals("… and 500 more bad rows: 1,500 bad rows in all (the first 1,000 are listed).",
                report.errors().get(report.errors().size() - 1));
        ImportReport bomOnly = service.importCsv(new StringReader("\uFEFF" + HEADER + "S-1,PLAIN,Orientation," + d
                + ",\n"), ImportMode.ALL_OR_NOTHING);
        assertEquals(List.of(), bomOnly.errors());
        assertEquals(1, bomOnly.imported());
    }
}
