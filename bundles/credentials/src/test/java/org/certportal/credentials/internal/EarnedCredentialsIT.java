package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.ProgramGrant;
import org.certportal.persistence.testing.TestDatabases;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.RunState;
import org.certportal.security.api.AccessDeniedException;
import org.certportal.security.api.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Achieved credentials from earned enrollments in a program that grants a credential type, on H2 and
 * PostgreSQL. The programs' and enrollments' published views are stood in for by tables of the same name
 * and columns (the contract the credentials area reads), filled by the test.
 */
class EarnedCredentialsIT {
    private static final LocalDate FROM = LocalDate.parse("2026-06-01");
    private CredentialsPortal portal;

    static Stream<String> databases() {
        return TestDatabases.available().stream();
    }

    private CredentialsPortal start(String db) throws SQLException {
        portal = new CredentialsPortal(db, 2);
        portal.update("CREATE TABLE program_summary (id BIGINT PRIMARY KEY, code VARCHAR(32), code_key VARCHAR(32),"
                + " name VARCHAR(200), name_key VARCHAR(200), status VARCHAR(16))");
        portal.update("CREATE TABLE enrollment_summary (id BIGINT PRIMARY KEY, contact_id BIGINT, program_id BIGINT,"
                + " status VARCHAR(32), cycle INT, earned_on DATE)");
        portal.update("INSERT INTO program_summary VALUES (7, 'CPA', 'cpa', 'Certified Appraiser', 'certified"
                + " appraiser', 'ACTIVE')");
        portal.update("INSERT INTO program_summary VALUES (8, 'OTHER', 'other', 'Other', 'other', 'ACTIVE')");
        String[][] students = {{"A1", "Ada", "Lovelace"}, {"B2", "Ben", "Okri"}, {"C3", "Chloé", "Côté"},
            {"D4", "Dev", "Patel"}, {"E5", "Emma", "Roy"}};
        for (int i = 0; i < students.length; i++) {
            portal.contact(i + 1, students[i][1], students[i][2], students[i][0]);
        }
        portal.body(12, "ASSOC", "AUTHORITY", "9 Guild St", "Ottawa", "K1A 0B2");
        return portal;
    }

    private void enrollment(long id, long contact, long program, int cycle, String earnedOn) throws SQLException {
        portal.update("INSERT INTO enrollment_summary VALUES (?, ?, ?, ?, ?, ?)", id, contact, program,
                earnedOn == null ? "IN_PROGRESS" : "CERTIFIED", cycle, earnedOn == null ? null
                        : LocalDate.parse(earnedOn));
    }

    @AfterEach
    void close() {
        if (portal != null) {
            portal.close();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachEarningInAGrantingProgramIsOneAchievedCredentialAwardedLikeAnImportedOne(String db) throws Exception {
        CredentialsPortal p = start(db);
        CredentialService s = p.service;
        enrollment(100, 1, 7, 1, "2026-06-10");
        enrollment(101, 2, 7, 1, "2026-06-12");
        enrollment(102, 3, 7, 1, null);
        enrollment(103, 4, 7, 1, "2026-05-20");
        enrollment(104, 5, 8, 1, "2026-06-15");
        assertEquals(0, s.syncEarned(), "no program grants a credential yet");

        ProgramGrant g = s.grantFromProgram(7, "COA", "ASSOC", FROM);
        assertEquals("COA", g.type().code());
        assertEquals(s.programGrant(7), java.util.Optional.of(g));
        assertTrue(s.programGrant(8).isEmpty());

        // the search counts the earnings without being told: it brings them up to date first
        AwardCriteria cpa = new AwardCriteria(null, "CPA", null, null, null, List.of());
        assertEquals(2, s.countAwardable(cpa), "A1 and B2: C3 has not earned, D4 earned before the option's date,"
                + " E5 in a program that grants nothing");
        assertEquals(0, s.syncEarned(), "an earning gives one achieved credential, once");
        assertEquals(Set.of("100/1", "101/1"), earnings());

        ProcessRun run = run(cpa);
        assertEquals(2, run.done());
        List<CSVRecord> ok = file(run, AwardProcess.SUCCESSFUL);
        assertEquals(Set.of("A1", "B2"), ok.stream().map(r -> r.get("student_id")).collect(Collectors.toSet()));
        assertTrue(ok.stream().allMatch(r -> r.get("credential_number").startsWith("COA-2026-")
                && "ASSOC".equals(r.get("school_or_authority")) && "2026-06".equals(r.get("achieved_on").substring(0, 7))
                && "no".equals(r.get("ordered")) && r.get("reason").startsWith("No valid mailing address")),
                "an authority's credential is mailed to the student, who has no address here: " + ok);
        assertEquals(0, s.syncEarned(), "awarding does not bring the earnings back");
        assertEquals(0, s.countAwardable(cpa));

        // C3 earns later; then the earning is undone before an award run: its pending credential goes with it
        p.update("UPDATE enrollment_summary SET earned_on = ?, status = 'CERTIFIED' WHERE id = 102",
                LocalDate.parse("2026-07-01"));
        assertEquals(1, s.syncEarned());
        p.update("UPDATE enrollment_summary SET earned_on = NULL, status = 'IN_PROGRESS' WHERE id = 102");
        assertEquals(0, s.syncEarned());
        assertEquals(0, p.count("SELECT COUNT(*) FROM achieved_credential WHERE enrollment_id = 102"));
        // an awarded one stays whatever happens to the enrollment (revoking is a person's decision)
        p.update("UPDATE enrollment_summary SET earned_on = NULL WHERE id = 100");
        s.syncEarned();
        assertEquals(1, p.count("SELECT COUNT(*) FROM achieved_credential WHERE enrollment_id = 100"
                + " AND status = 'AWARDED'"));

        // a new cycle earned is a new earning
        p.update("UPDATE enrollment_summary SET cycle = 2, earned_on = ? WHERE id = 101", LocalDate.parse("2026-07-10"));
        assertEquals(1, s.syncEarned());
        assertEquals(Set.of("100/1", "101/1", "101/2"), earnings());

        assertTrue(s.removeProgramGrant(7));
        assertFalse(s.removeProgramGrant(7));
        enrollment(105, 3, 7, 2, "2026-07-20");
        assertEquals(0, s.syncEarned(), "without the option nothing more arises");
        assertEquals(1, p.count("SELECT COUNT(*) FROM achieved_credential WHERE enrollment_id = 101"
                + " AND enrollment_cycle = 2 AND status = 'PENDING'"), "what it gave stays");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEarningTheStudentAlreadyHasAsAnImportedCredentialIsNotRecordedTwice(String db) throws Exception {
        CredentialsPortal p = start(db);
        assertEquals(1, p.importCsv("student,type,achieved,session,school\nA1,COA,2026-06-10,2026-06,ASSOC\n")
                .imported());
        enrollment(100, 1, 7, 1, "2026-06-10");
        enrollment(101, 1, 8, 1, "2026-06-10");
        p.service.grantFromProgram(7, "COA", "ASSOC", FROM);
        p.service.grantFromProgram(8, "COA", "ASSOC", FROM);
        assertEquals(0, p.service.syncEarned());
        assertEquals(1, p.count("SELECT COUNT(*) FROM achieved_credential"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badOptionsAreRefusedAndChangeNothingAndStaffMaySetNone(String db) throws Exception {
        CredentialsPortal p = start(db);
        CredentialService s = p.service;
        assertEquals("There is no program 99.", assertThrows(IllegalArgumentException.class,
                () -> s.grantFromProgram(99, "COA", "ASSOC", FROM)).getMessage());
        assertEquals("There is no credential type 'XYZ'.", assertThrows(IllegalArgumentException.class,
                () -> s.grantFromProgram(7, "XYZ", "ASSOC", FROM)).getMessage());
        assertEquals("There is no school or authority 'NOPE'.", assertThrows(IllegalArgumentException.class,
                () -> s.grantFromProgram(7, "COA", "NOPE", FROM)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.grantFromProgram(7, " ", "ASSOC", FROM));
        assertEquals(0, p.count("SELECT COUNT(*) FROM credential_program_grant"));

        s.grantFromProgram(7, "COA", "ASSOC", FROM);
        assertEquals("HSE", s.grantFromProgram(7, "HSE", "ASSOC", null).type().code(), "replaced, not added");
        assertEquals(CredentialsPortal.NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                s.programGrant(7).orElseThrow().earnedFrom(), "from today unless chosen");
        assertEquals(1, p.count("SELECT COUNT(*) FROM credential_program_grant"));

        p.security.as(Role.STAFF);
        assertThrows(AccessDeniedException.class, () -> s.grantFromProgram(7, "COA", "ASSOC", FROM));
        assertThrows(AccessDeniedException.class, () -> s.removeProgramGrant(7));
        assertThrows(AccessDeniedException.class, s::syncEarned);
        p.security.as(Role.CERTIFICATION_MANAGER);
        assertEquals("HSE", s.programGrant(7).orElseThrow().type().code(), "the option page reads it");
        assertEquals(3, s.types().size(), "and offers the types");
        assertEquals("COA", s.grantFromProgram(7, "COA", "ASSOC", FROM).type().code(),
                "a certification manager sets it for the programs they run");
    }

    private Set<String> earnings() throws SQLException {
        return Set.copyOf(List.of(portal.text("SELECT STRING_AGG(CAST(enrollment_id AS VARCHAR(20)) || '/'"
                + " || CAST(enrollment_cycle AS VARCHAR(10)), ',') FROM achieved_credential"
                + " WHERE enrollment_id IS NOT NULL").split(",")));
    }

    private ProcessRun run(AwardCriteria criteria) throws SQLException {
        long id = portal.engine.service().start(CredentialService.AWARD_PROCESS, AwardParameters.raw(criteria),
                RunOptions.run());
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
