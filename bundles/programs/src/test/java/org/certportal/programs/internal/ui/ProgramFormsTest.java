package org.certportal.programs.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.List;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.certportal.programs.api.RuleChangeImpact;
import org.junit.jupiter.api.Test;

/** The forms without a browser: what they show is what they hand back. */
class ProgramFormsTest {

    @Test
    void programFormRoundTripsEveryOption() {
        ProgramOptions options = new ProgramOptions(true, false, true, true, false, 36, 18, 45, new BigDecimal("12.50"),
                RecertificationBasis.FIXED_DATE, MonthDay.of(2, 29));
        Program p = new Program(7, "CPA-2026", "Certified", "Text", ProgramStatus.DRAFT, options, 1, 3, List.of());
        ProgramForm form = new ProgramForm();
        form.show(p);
        assertEquals("02-29", form.recertificationDay.getValue());
        assertEquals(new ProgramDraft("CPA-2026", "Certified", "Text", options), form.draft());
    }

    @Test
    void aNewProgramStartsFromTheDefaultsAndHidesTheDayUnlessFixed() {
        ProgramForm form = new ProgramForm();
        form.show(null);
        assertEquals(ProgramOptions.defaults(), form.draft().options());
        assertFalse(form.recertificationDay.isEnabled());
        form.recertificationBasis.setValue(RecertificationBasis.FIXED_DATE);
        assertTrue(form.recertificationDay.isEnabled());
        form.recertificationDay.setValue("12-31");
        assertEquals(MonthDay.of(12, 31), form.draft().options().fixedRecertificationDay());
        form.recertificationDay.setValue("31.12.");
        assertEquals("Write the fixed recertification day as MM-DD, e.g. 12-31.",
                assertThrows(IllegalArgumentException.class, form::draft).getMessage());
        form.validityMonths.clear();
        assertThrows(IllegalArgumentException.class, form::draft);
    }

    @Test
    void aRefusalIsShownBesideTheFieldItNamesAndGoesWithTheFix() {
        ProgramForm form = new ProgramForm();
        form.show(null);
        form.refused("Code 'A B' must be 2 to 32 letters, digits or dashes, e.g. CPA-2026.");
        assertTrue(form.code.isInvalid());
        assertEquals("Code 'A B' must be 2 to 32 letters, digits or dashes, e.g. CPA-2026.", form.code.getErrorMessage());
        assertFalse(form.name.isInvalid());
        form.code.setValue("AB-1");
        assertFalse(form.code.isInvalid(), "no stale message after the fix");

        form.refused("Grace period (days) must be between 0 and 3650: 4000.");
        assertTrue(form.gracePeriodDays.isInvalid());
        form.refused("Another program already has the code 'AB-1'.");
        assertTrue(form.code.isInvalid());
        form.refused("Recertifying on a fixed date needs the day of the year.");
        assertTrue(form.recertificationDay.isInvalid());
        form.validityMonths.clear();
        form.refused(assertThrows(IllegalArgumentException.class, form::draft).getMessage());
        assertTrue(form.validityMonths.isInvalid(), "the form's own refusal of a missing number too");

        form.refused("Program AB-1 is retired and can no longer be changed.");
        assertTrue(form.formError.isVisible(), "a sentence naming no field shows above Save");
        form.clearErrors();
        assertFalse(form.formError.isVisible());
        assertFalse(form.gracePeriodDays.isInvalid() || form.recertificationDay.isInvalid() || form.code.isInvalid(),
                "a new attempt starts clean");
    }

    @Test
    void theRelatedApplicationSwitchRoundTripsAndStartsOff() {
        ProgramForm form = new ProgramForm();
        form.show(null);
        assertFalse(form.applicationRequired.getValue());
        assertFalse(form.draft().options().applicationRequired());
        ProgramOptions applying = ProgramOptions.defaults().withApplicationRequired(true);
        form.show(new Program(8, "APP-1", "Applied", null, ProgramStatus.ACTIVE, applying, 1, 1, List.of()));
        assertTrue(form.applicationRequired.getValue());
        assertEquals(applying, form.draft().options());
        form.setEditable(false);
        assertTrue(form.applicationRequired.isReadOnly());
    }

    @Test
    void theFeeComesWithItsCurrency() {
        ProgramForm form = new ProgramForm();
        form.show(null);
        assertEquals("USD", form.currency.getValue(), "a new program's fee is in the default currency");
        ProgramOptions euros = ProgramOptions.defaults().withFee(new BigDecimal("80.00"), "EUR");
        form.show(new Program(9, "FEE-1", "Paid", null, ProgramStatus.ACTIVE, euros, 1, 1, List.of()));
        assertEquals("EUR", form.currency.getValue());
        assertEquals(euros, form.draft().options());
        form.refused("Currency 'EURO' is no ISO 4217 code (such as USD, EUR, CAD).");
        assertTrue(form.currency.isInvalid(), "beside the currency, not the fee");
        assertFalse(form.fee.isInvalid());
        form.refused("Fee in JPY may have no decimals: 12.50.");
        assertTrue(form.fee.isInvalid());
        form.setEditable(false);
        assertTrue(form.currency.isReadOnly());
    }

    @Test
    void readOnlyFormsHaveNoSaveButton() {
        ProgramForm form = new ProgramForm();
        form.setEditable(false);
        assertFalse(form.save.isVisible());
        assertTrue(form.name.isReadOnly());
        assertTrue(form.maintenance.isReadOnly());
    }

    @Test
    void requirementFormLeavesOutNumbersThatDoNotApply() {
        RequirementForm form = new RequirementForm();
        Requirement exam = new Requirement(1, 7, 1, "Final", RequirementKind.EXAM, GradeType.NUMERIC,
                new BigDecimal("70.00"), true, null, List.of());
        form.show(exam);
        assertEquals(new RequirementDraft("Final", RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal("70.00"),
                true, null), form.draft());
        assertFalse(form.creditAmount.isEnabled());
        form.gradeType.setValue(GradeType.PASS_FAIL);
        form.kind.setValue(RequirementKind.EDUCATION_CREDITS);
        form.creditAmount.setValue(new BigDecimal("40"));
        RequirementDraft credits = form.draft();
        assertNull(credits.minimumGrade());
        assertEquals(new BigDecimal("40"), credits.creditAmount());
        form.kind.setValue(RequirementKind.COURSE);
        assertNull(form.draft().creditAmount());
    }

    @Test
    void requirementFormShowsARefusalBesideItsField() {
        RequirementForm form = new RequirementForm();
        form.show(null);
        form.gradeType.setValue(GradeType.NUMERIC);
        form.refused("A numeric grade needs a minimum grade.");
        assertTrue(form.minimumGrade.isInvalid());
        form.minimumGrade.setValue(new BigDecimal("70"));
        assertFalse(form.minimumGrade.isInvalid());
        form.refused("An education credits requirement needs a credit amount above 0.");
        assertTrue(form.creditAmount.isInvalid());
        form.show(null);
        assertFalse(form.creditAmount.isInvalid(), "a new requirement starts clean");
    }

    @Test
    void labels() {
        assertEquals("Education credits", Labels.of(RequirementKind.EDUCATION_CREDITS));
        assertEquals("Pass/fail", Labels.of(GradeType.PASS_FAIL));
        assertEquals("Exam, grade at least 70, needs staff approval", Labels.describe(new Requirement(1, 7, 1, "Final",
                RequirementKind.EXAM, GradeType.NUMERIC, new BigDecimal("70.00"), true, null, List.of())));
        assertEquals("Education credits, 40.5 credits", Labels.describe(new Requirement(1, 7, 1, "CE",
                RequirementKind.EDUCATION_CREDITS, GradeType.NONE, null, false, new BigDecimal("40.50"), List.of())));
        assertEquals("3 current enrollees stay on rule version 2; new enrollments will use version 3.",
                Labels.ruleChange(new RuleChangeImpact(true, true, 2, 3)));
        assertEquals("1 current enrollee stays on rule version 1; new enrollments will use version 2.",
                Labels.ruleChange(new RuleChangeImpact(true, true, 1, 1)));
    }
}
