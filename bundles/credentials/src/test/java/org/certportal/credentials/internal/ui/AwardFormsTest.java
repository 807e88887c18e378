package org.certportal.credentials.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.internal.ui.AwardSteps.Stage;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.RunState;
import org.junit.jupiter.api.Test;

/** The page's logic without a browser: the identifier list, the search's checks and words, the steps. */
class AwardFormsTest {
    private static final List<String> TYPES = List.of("HSD", "HSE", "COA");

    @Test
    void anIdentifierListIsReadPerLineEachOnceWithBadLinesNamed() {
        StudentIdList list = StudentIdList.parse("A1, B2;C3\n\nD4 A1\r\nbad id!\n  E5  ");
        assertEquals(List.of("A1", "B2", "C3", "D4", "bad", "E5"), list.ids());
        assertEquals(1, list.repeated());
        assertEquals(List.of("Line 4: 'id!' is not a student identifier (letters, digits and . _ / - only, at"
                + " most 64)."), list.errors());
    }

    @Test
    void anUploadedCsvIsReadByItsStudentColumn() {
        StudentIdList list = StudentIdList.parse("name,student_id,school\nAda Lovelace,A1,S01\n\"Okri, Ben\",B2,S01\n"
                + "Nobody,,S02\n");
        assertEquals(List.of("A1", "B2"), list.ids(), "a quoted comma stays in its cell");
        assertEquals(List.of("Line 4: no student identifier in column 2."), list.errors());
        StudentIdList plain = StudentIdList.parse("student_id\nA1\nB2\n");
        assertEquals(List.of("A1", "B2"), plain.ids());
        assertTrue(plain.ok());
    }

    @Test
    void theSearchIsCheckedByFieldAndNothingGivenMeansAny() {
        AwardSearch.Checked all = new AwardSearch(" ", "", null, null, null, "").check(TYPES);
        assertEquals(AwardCriteria.all(), all.criteria().orElseThrow());

        AwardSearch.Checked some = new AwardSearch("hsd", " 2026-06 ", "S01", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 30), "A1\nB2").check(TYPES);
        assertEquals(new AwardCriteria("HSD", "2026-06", "S01", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30),
                List.of("A1", "B2")), some.criteria().orElseThrow());

        AwardSearch.Checked bad = new AwardSearch("XYZ", "x".repeat(33), null, LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 6, 1), "A1\n#2").check(TYPES);
        assertTrue(bad.criteria().isEmpty());
        assertEquals(Set.of(AwardSearch.TYPE, AwardSearch.SESSION, AwardSearch.TO, AwardSearch.STUDENTS),
                bad.errors().keySet());
        assertEquals("There is no credential type XYZ.", bad.errors().get(AwardSearch.TYPE));
        assertTrue(bad.errors().get(AwardSearch.STUDENTS).startsWith("Line 2: '#2'"));
    }

    @Test
    void aListTooLongForOneSearchIsRefusedWithWhatToDo() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < AwardSearch.MAX_IDS; i++) {
            ids.append("STUDENT-").append(i).append('\n');
        }
        assertTrue(new AwardSearch(null, null, null, null, null, ids.toString()).check(TYPES).errors().isEmpty(),
                "10,000 are taken");
        ids.append("ONE-MORE");
        AwardSearch.Checked checked = new AwardSearch(null, null, null, null, null, ids.toString()).check(TYPES);
        assertTrue(checked.errors().get(AwardSearch.STUDENTS).startsWith("The list has 10,001 identifiers"),
                checked.errors().toString());
    }

    @Test
    void theCriteriaAreSaidBackInWords() {
        AwardCriteria c = new AwardCriteria("HSD", null, "S01", LocalDate.of(2026, 6, 1), null,
                List.of("A1", "B2", "C3", "D4", "E5", "F6"));
        assertEquals(List.of("Credential type: High School Diploma (HSD)", "Exam session or period: any",
                "School or authority: S01", "Achieved: from 2026-06-01",
                "Students: 6 identifiers (A1, B2, C3, D4, E5, ...)"), AwardSearch.describe(c,
                        Map.of("HSD", "High School Diploma")));
    }

    @Test
    void theStepsGoSearchConfirmProcessSummaryAndBackChangesNothing() {
        AwardSteps s = new AwardSteps();
        assertEquals(Stage.EDIT, s.stage());
        assertEquals("credentials", s.location());
        AwardCriteria c = AwardCriteria.all();
        s.searchStarted(c, 12, 7);
        assertEquals(Stage.SEARCHING, s.stage());
        assertEquals("credentials?run=7", s.location());
        assertThrows(IllegalStateException.class, s::next);
        s.update(run(7, true, RunState.RUNNING));
        assertEquals(Stage.SEARCHING, s.stage());
        s.update(run(7, true, RunState.COMPLETED));
        assertEquals(Stage.SEARCHED, s.stage());
        s.next();
        assertEquals(Stage.CONFIRM, s.stage());
        assertEquals(2, s.stage().step());
        s.back();
        assertEquals(Stage.SEARCHED, s.stage());
        assertEquals(12, s.found());
        assertEquals(7L, s.previewRunId(), "back keeps the search and its file");
        s.next();
        s.confirmed(8);
        assertEquals(Stage.PROCESSING, s.stage());
        assertEquals("credentials?run=8", s.location());
        s.update(run(7, true, RunState.COMPLETED));
        assertEquals(Stage.PROCESSING, s.stage(), "only the followed run moves the page");
        s.update(run(8, false, RunState.COMPLETED));
        assertEquals(Stage.SUMMARY, s.stage());
        assertEquals(3, s.stage().step());
        s.startAnother();
        assertEquals(Stage.EDIT, s.stage());
        assertEquals("credentials", s.location());
    }

    @Test
    void nothingFoundCannotBeConfirmedAndAFailedSearchReturnsToTheCriteria() {
        AwardSteps s = new AwardSteps();
        s.searchStarted(AwardCriteria.all(), 0, 3);
        s.update(run(3, true, RunState.COMPLETED));
        assertTrue(!s.canConfirm());
        assertThrows(IllegalStateException.class, s::next);
        s.back();
        s.searchStarted(AwardCriteria.all(), 5, 4);
        s.update(run(4, true, RunState.FAILED));
        assertEquals(Stage.EDIT, s.stage());
        assertEquals("Run 4 failed: boom", s.problem());
    }

    @Test
    void comingBackToARunFindsItsStage() {
        AwardCriteria c = AwardCriteria.all();
        assertEquals(Stage.SEARCHING, AwardSteps.resume(run(5, true, RunState.RUNNING), c, 3).stage());
        assertEquals(Stage.SEARCHED, AwardSteps.resume(run(5, true, RunState.COMPLETED), c, 3).stage());
        assertEquals(Stage.PROCESSING, AwardSteps.resume(run(6, false, RunState.QUEUED), c, 3).stage());
        AwardSteps done = AwardSteps.resume(run(6, false, RunState.COMPLETED), c, 0);
        assertEquals(Stage.SUMMARY, done.stage());
        assertEquals(6L, done.awardRunId());
        assertEquals("credentials?run=6", done.location());
    }

    private static ProcessRun run(long id, boolean dryRun, RunState state) {
        Instant t = Instant.parse("2026-07-15T09:00:00Z");
        return new ProcessRun(id, "credentials-award", "Award and order credentials", "all", Map.of(), dryRun, state,
                "records", null, null, null, t, t, state.isFinal() ? t : null, 10, state.isFinal() ? 10 : 4, 0, 0,
                state == RunState.FAILED ? "boom" : null, null);
    }
}
