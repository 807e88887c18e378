package org.certportal.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.OfferingDraft;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ProgramInputTest {

    static ProgramOptions options(int validity, int deadline, int grace, String fee, RecertificationBasis basis,
            MonthDay day) {
        return new ProgramOptions(false, false, false, false, false, validity, deadline, grace,
                fee == null ? null : new BigDecimal(fee), basis, day);
    }

    private static ProgramDraft program(String code, String name, String description, ProgramOptions o) {
        return new ProgramDraft(code, name, description, o);
    }

    private static String refusal(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void cleansAProgram() {
        ProgramDraft d = ProgramInput.program(program(" cpa-2026 ", "  Certified Auditor ", "  ",
                options(24, 12, 30, null, null, MonthDay.of(3, 1))));
        assertEquals("cpa-2026", d.code());
        assertEquals("Certified Auditor", d.name());
        assertNull(d.description());
        assertEquals(new BigDecimal("0.00"), d.options().fee());
        assertEquals(RecertificationBasis.COMPLETION_DATE, d.options().recertificationBasis());
        assertNull(d.options().fixedRecertificationDay(), "a day only goes with the fixed-date basis");
        assertEquals("CPA-2026", ProgramInput.codeKey(d.code()));
        assertEquals(new BigDecimal("12.50"), ProgramInput
                .program(program("AB", "N", "line 1\nline 2", options(0, 1, 0, "12.5", null, null))).options().fee());
    }

    @Test
    void refusesBadProgramsWithAClearMessage() {
        ProgramOptions ok = ProgramOptions.defaults();
        assertEquals("Code is required.", refusal(() -> ProgramInput.program(program(" ", "N", null, ok))));
        assertEquals("Code 'A' must be 2 to 32 letters, digits or dashes, e.g. CPA-2026.",
                refusal(() -> ProgramInput.program(program("A", "N", null, ok))));
        refusal(() -> ProgramInput.program(program("A".repeat(33), "N", null, ok)));
        refusal(() -> ProgramInput.program(program("CPA 2026", "N", null, ok)));
        refusal(() -> ProgramInput.program(program("CPA_2026", "N", null, ok)));
        assertEquals("Name is required.", refusal(() -> ProgramInput.program(program("AB", " ", null, ok))));
        assertEquals("Name is too long: at most 200 characters.",
                refusal(() -> ProgramInput.program(program("AB", "x".repeat(201), null, ok))));
        assertEquals("Description is too long: at most 4000 characters.",
                refusal(() -> ProgramInput.program(program("AB", "N", "x".repeat(4001), ok))));
        refusal(() -> ProgramInput.program(program("AB", "N\u0007", null, ok)));
        assertEquals("Program options are required.", refusal(() -> ProgramInput.program(program("AB", "N", null, null))));
        assertEquals("A program is required.", refusal(() -> ProgramInput.program(null)));
    }

    @Test
    void optionBoundaries() {
        ProgramInput.options(options(0, 1, 0, "0", null, null));
        ProgramInput.options(options(600, 600, 3650, "9999999999.99", null, null));
        assertEquals("Validity (months) must be between 0 and 600: -1.",
                refusal(() -> ProgramInput.options(options(-1, 12, 30, "0", null, null))));
        refusal(() -> ProgramInput.options(options(601, 12, 30, "0", null, null)));
        assertEquals("Completion deadline (months) must be between 1 and 600: 0.",
                refusal(() -> ProgramInput.options(options(24, 0, 30, "0", null, null))));
        refusal(() -> ProgramInput.options(options(24, 601, 30, "0", null, null)));
        refusal(() -> ProgramInput.options(options(24, 12, -1, "0", null, null)));
        assertEquals("Grace period (days) must be between 0 and 3650: 3651.",
                refusal(() -> ProgramInput.options(options(24, 12, 3651, "0", null, null))));
        assertEquals("Fee must not be negative.", refusal(() -> ProgramInput.options(options(24, 12, 30, "-0.01", null, null))));
        assertEquals("Fee may have at most two decimals: 1.005.",
                refusal(() -> ProgramInput.options(options(24, 12, 30, "1.005", null, null))));
        assertEquals(new BigDecimal("1.50"), ProgramInput.options(options(24, 12, 30, "1.5000", null, null)).fee());
        refusal(() -> ProgramInput.options(options(24, 12, 30, "10000000000", null, null)));
        ProgramOptions twelve = options(24, 12, 30, "12", null, null);
        assertEquals("USD", ProgramInput.options(twelve).currency(), "none chosen: the default");
        assertEquals("CAD", ProgramInput.options(twelve.withFee(twelve.fee(), " cad ")).currency());
        assertEquals("USD", ProgramInput.options(twelve.withFee(twelve.fee(), " ")).currency());
        assertEquals("Currency 'XYZ' is no ISO 4217 code (such as USD, EUR, CAD).",
                refusal(() -> ProgramInput.options(twelve.withFee(twelve.fee(), "XYZ"))));
        assertEquals("Currency 'US$' is no ISO 4217 code (such as USD, EUR, CAD).",
                refusal(() -> ProgramInput.options(twelve.withFee(twelve.fee(), "US$"))));
        assertEquals("Fee in JPY may have no decimals: 12.50.",
                refusal(() -> ProgramInput.options(twelve.withFee(new BigDecimal("12.5"), "JPY"))));
        assertEquals(new BigDecimal("1200.00"), ProgramInput.options(twelve.withFee(new BigDecimal("1200"), "JPY"))
                .fee());
        assertEquals("Recertifying on a fixed date needs the day of the year.",
                refusal(() -> ProgramInput.options(options(24, 12, 30, "0", RecertificationBasis.FIXED_DATE, null))));
        assertEquals(MonthDay.of(2, 29), ProgramInput
                .options(options(24, 12, 30, "0", RecertificationBasis.FIXED_DATE, MonthDay.of(2, 29)))
                .fixedRecertificationDay());
    }

    @Test
    void requirements() {
        RequirementDraft exam = ProgramInput.requirement(
                new RequirementDraft(" Final exam ", RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal("70"), true, null));
        assertEquals("Final exam", exam.title());
        assertEquals(new BigDecimal("70.00"), exam.minimumGrade());
        assertEquals(GradeType.NONE, ProgramInput
                .requirement(new RequirementDraft("Doc", RequirementKind.DOCUMENT, null, null, false, null)).gradeType());
        assertEquals(new BigDecimal("12.50"), ProgramInput.requirement(new RequirementDraft("CE",
                RequirementKind.EDUCATION_CREDITS, GradeType.NONE, null, false, new BigDecimal("12.5"))).creditAmount());
        ProgramInput.requirement(new RequirementDraft("x".repeat(200), RequirementKind.EXAM, GradeType.NUMERIC,
                BigDecimal.ZERO, false, null));
        ProgramInput.requirement(new RequirementDraft("E", RequirementKind.EXAM, GradeType.NUMERIC,
                new BigDecimal("1000"), false, null));
    }

    @Test
    void refusesBadRequirements() {
        assertEquals("Title is required.", refusal(() -> ProgramInput.requirement(
                new RequirementDraft(" ", RequirementKind.COURSE, GradeType.NONE, null, false, null))));
        assertEquals("Title is too long: at most 200 characters.", refusal(() -> ProgramInput.requirement(
                new RequirementDraft("x".repeat(201), RequirementKind.COURSE, GradeType.NONE, null, false, null))));
        assertEquals("Kind is required: course, exam, education credits, document or other.", refusal(
                () -> ProgramInput.requirement(new RequirementDraft("T", null, GradeType.NONE, null, false, null))));
        assertEquals("A numeric grade needs a minimum grade.", refusal(() -> ProgramInput.requirement(
                new RequirementDraft("T", RequirementKind.EXAM, GradeType.NUMERIC, null, false, null))));
        assertEquals("Minimum grade must be between 0 and 1000.", refusal(() -> ProgramInput.requirement(
                new RequirementDraft("T", RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal("1000.01"), false, null))));
        refusal(() -> ProgramInput.requirement(
                new RequirementDraft("T", RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal("-1"), false, null)));
        assertEquals("Only a numeric grade has a minimum grade.", refusal(() -> ProgramInput.requirement(
                new RequirementDraft("T", RequirementKind.EXAM, GradeType.PASS_FAIL, BigDecimal.ONE, false, null))));
        assertEquals("An education credits requirement needs a credit amount above 0.", refusal(() -> ProgramInput
                .requirement(new RequirementDraft("T", RequirementKind.EDUCATION_CREDITS, null, null, false, null))));
        refusal(() -> ProgramInput.requirement(new RequirementDraft("T", RequirementKind.EDUCATION_CREDITS, null, null,
                false, BigDecimal.ZERO)));
        assertEquals("Only an education credits requirement has a credit amount.", refusal(() -> ProgramInput
                .requirement(new RequirementDraft("T", RequirementKind.COURSE, null, null, false, BigDecimal.TEN))));
        assertEquals("A requirement is required.", refusal(() -> ProgramInput.requirement(null)));
    }

    @Test
    void offerings() {
        OfferingDraft o = ProgramInput.offering(new OfferingDraft(" Spring sitting ", LocalDate.of(2026, 5, 1), " "));
        assertEquals("Spring sitting", o.title());
        assertNull(o.location());
        assertEquals("Offering title is required.",
                refusal(() -> ProgramInput.offering(new OfferingDraft("", null, null))));
        assertEquals("Location is too long: at most 200 characters.",
                refusal(() -> ProgramInput.offering(new OfferingDraft("T", null, "x".repeat(201)))));
    }
}
