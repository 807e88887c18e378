package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.AwardSummary;
import org.certportal.credentials.api.AwardedCredential;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.CredentialStatus;
import org.certportal.credentials.api.DeliveryMethod;
import org.certportal.credentials.api.ImportReport;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunAlreadyActiveException;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Import, search, preview and the award run on the real process engine, on H2 and PostgreSQL. */
class AwardProcessIT {
    static final String FILE = """
            student,type,achieved,session,school,address_line1,address_line2,city,region,postal_code,country
            A1,HSD,2026-06-28,2026-06,S01,,,,,,
            A1,COA,2026-05-30,2026-06,S01,,,,,,
            B2,HSE,2026-06-20,2026-06,EXAM,,,,,,
            C3,HSD,2026-06-28,2026-06,S02,5 Elm St,,Toronto,ON,M5V 2T6,CA
            D4,HSD,2026-06-28,2026-06,S01,,,,,,
            D4,COA,2026-06-01,2026-06,S01,,,,,,
            E5,HSD,2025-06-20,2025-06,S01,,,,,,
            E5,HSE,2026-06-20,2026-06,EXAM,,,,,,
            """;
    private CredentialsPortal portal;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private CredentialsPortal start(String db) throws SQLException {
        portal = new CredentialsPortal(db, 2);
        String[][] students = {{"A1", "Ada", "Lovelace"}, {"B2", "Ben", "Okri"}, {"C3", "Chloé", "Côté"},
            {"D4", "Dev", "Patel"}, {"E5", "Emma", "Roy"}};
        for (int i = 0; i < students.length; i++) {
            portal.contact(i + 1, students[i][1], students[i][2], students[i][0]);
        }
        portal.body(10, "S01", "SCHOOL", "1 School Rd", "Ottawa", "K1A 0B1");
        portal.body(11, "S02", "SCHOOL", null, null, null);
        portal.body(12, "EXAM", "AUTHORITY", "9 Exam St", "Ottawa", "K1A 0B2");
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
    void awardsTheHighestPerStudentOrdersWhereItCanAndExplainsTheRest(String db) throws Exception {
        CredentialsPortal p = start(db);
        assertEquals(8, p.importCsv(FILE).imported());
        CredentialService s = p.service;
        assertEquals(8, s.countAwardable(AwardCriteria.all()));
        AwardCriteria june = new AwardCriteria(null, "2026-06", null, null, null, List.of());
        assertEquals(7, s.countAwardable(june));

        // E5 already holds a diploma (an earlier run); D4's certificate alone waits for the diploma
        ProcessRun earlier = run(new AwardCriteria(null, "2025-06", null, null, null, List.of()), RunOptions.run());
        assertEquals(1, earlier.done());
        ProcessRun coaOnly = run(new AwardCriteria("COA", null, null, null, null, List.of("D4")), RunOptions.run());
        assertEquals(1, coaOnly.skipped());
        assertTrue(file(coaOnly, AwardProcess.UNSUCCESSFUL).get(0).get("reason").contains("High School Diploma"
                + " achieved 2026-06-28 is not in this search"));

        ProcessRun preview = run(june, RunOptions.preview());
        assertEquals(RunState.COMPLETED, preview.state());
        List<CSVRecord> pre = file(preview, AwardProcess.PRE);
        assertEquals(7, pre.size(), "one line per achieved credential found");
        assertEquals(Set.of("AWARD", "SUPERSEDED", "REFUSED"), new HashSet<>(pre.stream().map(r -> r.get("proposed"))
                .toList()));
        assertEquals(1, p.count("SELECT COUNT(*) FROM awarded_credential"), "a preview awards nothing");

        ProcessRun main = run(june, RunOptions.run());
        assertEquals(5, main.total(), "one row per student");
        assertEquals(4, main.done());
        assertEquals(1, main.skipped(), "E5 holds a higher credential");
        assertEquals(5, p.count("SELECT COUNT(*) FROM awarded_credential"));
        assertEquals(5, p.count("SELECT COUNT(DISTINCT number) FROM awarded_credential"));
        assertEquals(4, p.count("SELECT COUNT(*) FROM document_order_item"), "B2 has no address to send to");
        assertEquals(3, p.count("SELECT COUNT(*) FROM document_order_item i JOIN document_order o ON o.id = i.order_id"
                + " WHERE o.reference = 'run-" + main.id() + "'"), "one order per run, over its chunks");
        assertEquals(2, p.count("SELECT COUNT(*) FROM achieved_credential WHERE status = 'SUPERSEDED'"));
        assertEquals(1, p.count("SELECT COUNT(*) FROM achieved_credential WHERE status = 'PENDING'"), "E5's HSE");

        List<CSVRecord> ok = file(main, AwardProcess.SUCCESSFUL);
        assertEquals(4, ok.size());
        Map<String, CSVRecord> byStudent = new java.util.HashMap<>();
        ok.forEach(r -> byStudent.put(r.get("student_id"), r));
        assertEquals("yes", byStudent.get("A1").get("ordered"));
        assertEquals(DeliveryMethod.SEND_TO_SCHOOL.name(), byStudent.get("A1").get("delivery_method"));
        assertEquals("no", byStudent.get("B2").get("ordered"));
        assertEquals("No valid mailing address: the student has no mailing address.", byStudent.get("B2").get("reason"));
        assertEquals(DeliveryMethod.MAIL_TO_STUDENT.name(), byStudent.get("C3").get("delivery_method"));
        assertEquals("5 Elm St, Toronto, ON, M5V 2T6, CA", byStudent.get("C3").get("delivery_address"));
        for (CSVRecord r : ok) {
            assertTrue(CredentialNumber.parse(r.get("credential_number")).isPresent(), r.get("credential_number"));
        }
        List<CSVRecord> failed = file(main, AwardProcess.UNSUCCESSFUL);
        assertEquals(List.of("A1 COA SUPERSEDED", "D4 COA SUPERSEDED", "E5 HSE REFUSED"), failed.stream()
                .map(r -> r.get("student_id") + " " + r.get("credential_type") + " " + r.get("outcome")).sorted()
                .toList());

        AwardedCredential a1 = s.findByNumber(byStudent.get("A1").get("credential_number")).orElseThrow();
        assertEquals(CredentialStatus.AWARDED, a1.status());
        assertEquals("Ada Lovelace", a1.studentName());
        assertEquals(1, a1.documents().size());
        assertEquals("run-" + main.id(), a1.documents().get(0).orderReference());
        assertEquals(0, a1.documents().get(0).issueNo());

        ProcessRun again = run(june, RunOptions.run());
        assertEquals(1, again.total(), "only E5's refused HSE is still pending");
        assertEquals(5, p.count("SELECT COUNT(*) FROM awarded_credential"), "nothing is awarded twice");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aListTooLongForAParameterIsStoredForTheRunAndOnlyItsStudentsAreSelected(String db) throws Exception {
        CredentialsPortal p = start(db);
        p.importCsv(FILE);
        List<String> ids = new java.util.ArrayList<>(List.of("B2", "D4"));
        for (int i = 0; i < 300; i++) {
            ids.add("UNKNOWN-STUDENT-" + i);
        }
        AwardCriteria many = new AwardCriteria(null, null, null, null, null, ids);
        assertEquals(3, p.service.countAwardable(many), "B2's HSE, D4's HSD and COA");
        long preview = p.service.startAward(many, true);
        ProcessRun r = p.engine.service().run(preview).orElseThrow();
        assertTrue(r.dryRun());
        assertTrue(r.parameters().containsKey(AwardParameters.STUDENT_LIST), r.parameters().toString());
        assertTrue(!r.parameters().containsKey(AwardParameters.STUDENTS));
        assertEquals(ids, p.service.awardCriteria(preview).studentIds(), "the list as given, in order");
        p.engine.runUntilIdle();
        r = p.engine.service().run(preview).orElseThrow();
        assertEquals(RunState.COMPLETED, r.state(), String.valueOf(r.error()));
        assertEquals(2, r.total(), "B2 and D4 only");
        assertEquals(Set.of("B2", "D4"), new HashSet<>(file(r, AwardProcess.PRE).stream().map(x -> x.get("student_id"))
                .toList()));
        assertEquals(0, p.count("SELECT COUNT(*) FROM awarded_credential"), "a preview awards nothing");

        long lists = p.count("SELECT COUNT(*) FROM credential_student_list");
        long blocker = p.service.startAward(AwardCriteria.all(), true);
        RunAlreadyActiveException e = assertThrows(RunAlreadyActiveException.class,
                () -> p.service.startAward(many, false));
        assertEquals(blocker, e.activeRunId());
        assertEquals(lists, p.count("SELECT COUNT(*) FROM credential_student_list"), "a refused start stores nothing");
        p.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> p.service.startAward(many, true));
        assertThrows(AccessDeniedException.class, () -> p.service.awardCriteria(preview));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aHigherAwardSupersedesTheHeldOneAndLinksToIt(String db) throws Exception {
        CredentialsPortal p = start(db);
        p.importCsv("""
                student,type,achieved,session,school
                A1,COA,2025-06-20,2025-06,S01
                """);
        ProcessRun first = run(AwardCriteria.all(), RunOptions.run());
        String coa = file(first, AwardProcess.SUCCESSFUL).get(0).get("credential_number");
        p.importCsv("""
                student,type,achieved,session,school
                A1,HSD,2026-06-20,2026-06,S01
                """);
        ProcessRun second = run(AwardCriteria.all(), RunOptions.run());
        CSVRecord hsd = file(second, AwardProcess.SUCCESSFUL).get(0);
        assertEquals(coa, hsd.get("replaces"));
        AwardedCredential old = p.service.findByNumber(coa).orElseThrow();
        assertEquals(CredentialStatus.SUPERSEDED, old.status());
        assertEquals(hsd.get("credential_number"), old.replacedByNumber());
        assertEquals(coa, p.service.findByNumber(hsd.get("credential_number")).orElseThrow().replacesNumber());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theUniqueConstraintsAreTheLastGuard(String db) throws Exception {
        CredentialsPortal p = start(db);
        p.importCsv(FILE);
        // as if an award had been written but its achieved credential not marked: the row fails, the others go on
        long achieved = p.count("SELECT a.id FROM achieved_credential a JOIN contact c ON c.id = a.contact_id"
                + " WHERE c.external_id = 'B2'");
        p.update("INSERT INTO awarded_credential (id, number, sequence_no, contact_id, type_id, achieved_id, awarded_on,"
                + " status, awarded_by, awarded_at) VALUES (1, 'X', 999999, 2, 2, ?, ?, 'REVOKED', 'test', ?)", achieved,
                java.time.LocalDate.of(2026, 1, 1), java.sql.Timestamp.from(CredentialsPortal.NOW));
        ProcessRun r = run(new AwardCriteria(null, "2026-06", null, null, null, List.of()), RunOptions.run());
        assertEquals(1, r.failed());
        assertEquals(3, r.done(), "A1, C3, D4");
        assertEquals(1, r.skipped(), "E5 waits for the 2025 diploma outside the search");
        assertEquals("PENDING", p.text("SELECT status FROM achieved_credential WHERE id = " + achieved));
        assertEquals(0, p.count("SELECT COUNT(*) FROM awarded_credential WHERE contact_id = 2 AND id <> 1"));
        // the failed student is in the unsuccessful file with the database's reason; nothing of it elsewhere
        List<CSVRecord> failed = file(r, AwardProcess.UNSUCCESSFUL).stream()
                .filter(x -> "FAILED".equals(x.get("outcome"))).toList();
        assertEquals(1, failed.size(), failed.toString());
        assertEquals("B2", failed.get(0).get("student_id"));
        assertEquals("HSE", failed.get(0).get("credential_type"));
        assertFalse(failed.get(0).get("reason").isBlank());
        assertTrue(file(r, AwardProcess.SUCCESSFUL).stream().noneMatch(x -> "B2".equals(x.get("student_id"))));
        AwardSummary summary = p.service.awardSummary(r.id());
        assertEquals(1, summary.failedStudents());
        assertEquals(file(r, AwardProcess.UNSUCCESSFUL).size() - 1, summary.notAwarded(), "failed lines apart");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSecondRunWhileOneIsActiveIsRefused(String db) throws Exception {
        CredentialsPortal p = start(db);
        p.importCsv(FILE);
        long first = p.engine.service().start(CredentialService.AWARD_PROCESS, Map.of("type", "HSD"), RunOptions.run());
        RunAlreadyActiveException e = assertThrows(RunAlreadyActiveException.class, () -> p.engine.service().start(
                CredentialService.AWARD_PROCESS, Map.of("students", "A1"), RunOptions.run()));
        assertEquals(first, e.activeRunId());
        p.engine.runUntilIdle();
        assertEquals(RunState.COMPLETED, p.engine.service().run(first).orElseThrow().state());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBadFileImportsNothingAndNamesEveryBadLine(String db) throws Exception {
        CredentialsPortal p = start(db);
        ImportReport report = p.importCsv("""
                student,type,achieved,session,school
                A1,HSD,2026-06-28,2026-06,S01
                ZZ,HSD,2026-06-28,2026-06,S01
                B2,XYZ,2026-06-28,2026-06,S01
                C3,HSD,28/06/2026,2026-06,S01
                D4,HSD,2026-06-28,2026-06,NOPE
                A1,HSD,2026-06-28,2026-06,S01
                """);
        assertEquals(6, report.rows());
        assertEquals(0, report.imported());
        assertEquals(5, report.errors().size(), String.join("\n", report.errors()));
        assertTrue(report.errors().get(0).startsWith("Line 3: no contact has the identifier 'ZZ'"));
        assertTrue(report.errors().get(1).startsWith("Line 4: there is no credential type 'XYZ'"));
        assertTrue(report.errors().get(2).startsWith("Line 5: the achieved date '28/06/2026'"));
        assertTrue(report.errors().get(3).startsWith("Line 6: there is no school or authority 'NOPE'"));
        assertTrue(report.errors().get(4).startsWith("Line 7: the same student, type and date appear earlier"));
        assertEquals(0, p.count("SELECT COUNT(*) FROM achieved_credential"));

        assertEquals(8, p.importCsv(FILE).imported());
        ImportReport twice = p.importCsv(FILE);
        assertEquals(0, twice.imported());
        assertTrue(twice.errors().get(0).endsWith("this achieved credential is already recorded."));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyStudentRecordsMayUseCredentials(String db) throws Exception {
        CredentialsPortal p = start(db);
        p.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> p.service.countAwardable(AwardCriteria.all()));
        assertThrows(AccessDeniedException.class, () -> p.importCsv(FILE));
        assertThrows(AccessDeniedException.class, () -> p.service.types());
        assertThrows(AccessDeniedException.class, () -> p.engine.service().start(CredentialService.AWARD_PROCESS,
                Map.of(), RunOptions.run()));
        p.security.as(Role.SYSADMIN);
        assertEquals(List.of("HSD", "HSE", "COA"), p.service.types().stream().map(t -> t.code()).toList());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMistypedNumberIsRefusedAndAnUnknownOneIsNotFound(String db) throws Exception {
        CredentialsPortal p = start(db);
        String good = new CredentialNumber("HSD", 2026, 77).toString();
        assertTrue(p.service.findByNumber(good).isEmpty());
        String typo = good.replace("0000077", "0000071");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.service.findByNumber(typo));
        assertNotNull(e.getMessage());
    }

    private ProcessRun run(AwardCriteria criteria, RunOptions options) throws SQLException {
        long id = portal.engine.service().start(CredentialService.AWARD_PROCESS, AwardParameters.raw(criteria),
                options);
        portal.engine.runUntilIdle();
        ProcessRun r = portal.engine.service().run(id).orElseThrow();
        assertEquals(RunState.COMPLETED, r.state(), String.valueOf(r.error()));
        return r;
    }

    private List<CSVRecord> file(ProcessRun run, String name) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(portal.engine.file(run.id(), name))).getRecords();
    }
}
