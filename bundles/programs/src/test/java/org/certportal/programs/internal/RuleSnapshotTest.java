package org.certportal.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;

class RuleSnapshotTest {
    private static final ProgramOptions OPTIONS = new ProgramOptions(true, true, false, true, true, 36, 18, 45,
            new BigDecimal("150.00"), RecertificationBasis.FIXED_DATE, MonthDay.of(2, 29));
    private static final List<Requirement> REQUIREMENTS = List.of(
            new Requirement(101, 7, 1, "Ethics | course \\ part 1", RequirementKind.COURSE, GradeType.PASS_FAIL, null,
                    false, null, List.of()),
            new Requirement(102, 7, 2, "Final exam", RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal("70.00"),
                    true, null, List.of()),
            new Requirement(103, 7, 3, "Credits=CE", RequirementKind.EDUCATION_CREDITS, GradeType.NONE, null, false,
                    new BigDecimal("40.50"), List.of()));

    @Test
    void roundTripKeepsEveryRuleAndRequirementId() {
        String text = RuleSnapshot.write(OPTIONS, REQUIREMENTS);
        RuleSnapshot.Rules back = RuleSnapshot.read(text, 7, true, new BigDecimal("150.00"));
        assertEquals(OPTIONS, back.options());
        assertEquals(REQUIREMENTS, back.requirements());
        assertEquals(text, RuleSnapshot.write(back.options(), back.requirements()), "stable text");
    }

    @Test
    void maintenanceAndFeeAreNotFrozen() {
        String text = RuleSnapshot.write(OPTIONS, REQUIREMENTS);
        assertEquals(text, RuleSnapshot.write(OPTIONS.withMaintenance(false), REQUIREMENTS));
        ProgramOptions otherFee = new ProgramOptions(true, true, false, true, true, 36, 18, 45, BigDecimal.ZERO,
                RecertificationBasis.FIXED_DATE, MonthDay.of(2, 29));
        assertEquals(text, RuleSnapshot.write(otherFee, REQUIREMENTS));
        RuleSnapshot.Rules back = RuleSnapshot.read(text, 7, false, BigDecimal.ONE);
        assertFalse(back.options().maintenance());
        assertEquals(BigDecimal.ONE, back.options().fee());
    }

    @Test
    void everyRuleChangesTheText() {
        String text = RuleSnapshot.write(OPTIONS, REQUIREMENTS);
        List<ProgramOptions> changed = List.of(
                new ProgramOptions(false, true, false, true, true, 36, 18, 45, OPTIONS.fee(), OPTIONS.recertificationBasis(), OPTIONS.fixedRecertificationDay()),
                new ProgramOptions(true, false, false, true, true, 36, 18, 45, OPTIONS.fee(), OPTIONS.recertificationBasis(), OPTIONS.fixedRecertificationDay()),
                new ProgramOptions(true, true, true, true, true, 36, 18, 45, OPTIONS.fee(), OPTIONS.recertificationBasis(), OPTIONS.fixedRecertificationDay()),
                new ProgramOptions(true, true, false, true, false, 36, 18, 45, OPTIONS.fee(), OPTIONS.recertificationBasis(), OPTIONS.fixedRecertificationDay()),
                new ProgramOptions(true, true, false, true, true, 35, 18, 45, OPTIONS.fee(), OPTIONS.recertificationBasis(), OPTIONS.fixedRecertificationDay()),
                new ProgramOptions(true, true, false, true, true, 36, 17, 45, OPTIONS.fee(), OPTIONS.recertificationBasis(), OPTIONS.fixedRecertificationDay()),
                new ProgramOptions(true, true, false, true, true, 36, 18, 44, OPTIONS.fee(), OPTIONS.recertificationBasis(), OPTIONS.fixedRecertificationDay()),
                new ProgramOptions(true, true, false, true, true, 36, 18, 45, OPTIONS.fee(), RecertificationBasis.COMPLETION_DATE, null),
                new ProgramOptions(true, true, false, true, true, 36, 18, 45, OPTIONS.fee(), OPTIONS.recertificationBasis(), MonthDay.of(3, 1)));
        for (ProgramOptions o : changed) {
            assertNotEquals(text, RuleSnapshot.write(o, REQUIREMENTS), o.toString());
            assertTrue(ProgramServiceImpl.rulesDiffer(OPTIONS, o));
        }
        assertFalse(ProgramServiceImpl.rulesDiffer(OPTIONS, OPTIONS.withMaintenance(false)));
        assertFalse(ProgramServiceImpl.rulesDiffer(OPTIONS, OPTIONS.withApplicationRequired(true)),
                "the related application follows the program, like the fee");
        Requirement first = REQUIREMENTS.get(0);
        assertNotEquals(text, RuleSnapshot.write(OPTIONS, List.of(REQUIREMENTS.get(1), first)), "order");
        assertNotEquals(text, RuleSnapshot.write(OPTIONS, REQUIREMENTS.subList(1, 3)), "removal");
        assertNotEquals(text, RuleSnapshot.write(OPTIONS, List.of(new Requirement(first.id(), 7, 1, first.title(),
                first.kind(), first.gradeType(), null, true, null, List.of()), REQUIREMENTS.get(1), REQUIREMENTS.get(2))),
                "approval");
    }

    @Test
    void titlesWithLineBreaksSurvive() {
        Requirement odd = new Requirement(1, 7, 1, "two\nlines\\n\r", RequirementKind.OTHER, GradeType.NONE, null,
                false, null, List.of());
        assertEquals(List.of(odd), RuleSnapshot.read(RuleSnapshot.write(OPTIONS, List.of(odd)), 7, true,
                OPTIONS.fee()).requirements());
    }

    @Test
    void unreadableTextFailsLoudly() {
        assertThrows(IllegalStateException.class, () -> RuleSnapshot.read("format=9\n", 1, false, BigDecimal.ZERO));
        assertThrows(IllegalStateException.class, () -> RuleSnapshot.read("nonsense", 1, false, BigDecimal.ZERO));
        String text = RuleSnapshot.write(OPTIONS, List.of()) + "requirement=1|2|EXAM\n";
        assertThrows(IllegalStateException.class, () -> RuleSnapshot.read(text, 1, false, BigDecimal.ZERO));
    }
}
