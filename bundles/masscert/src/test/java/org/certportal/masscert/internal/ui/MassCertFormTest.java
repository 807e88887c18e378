package org.certportal.masscert.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.certportal.accounting.api.Batch;
import org.certportal.accounting.api.BatchStatus;
import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.masscert.api.ConfirmationEmail.Wording;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;

/** The Add Schedule form without a browser: what it shows for a certification and the parameters it hands on. */
class MassCertFormTest {
    static final Requirement EXAM = new Requirement(1, 7, 1, "Exam", RequirementKind.EXAM, GradeType.PASS_FAIL, null,
            true, BigDecimal.ZERO, List.of());
    static final Batch SPRING = new Batch(4, "Spring fees", BatchStatus.OPEN, "certmanager", Instant.EPOCH);

    static Program program(String fee, boolean application) {
        return new Program(7, "CPA", "Certified Accountant", "", ProgramStatus.ACTIVE, new ProgramOptions(false, false,
                false, false, false, 24, 12, 30, new BigDecimal(fee), RecertificationBasis.COMPLETION_DATE, null,
                application), 1, 1, List.of(EXAM));
    }

    @Test
    void aFreeCertificationWithoutApplicationAsksNeitherCriteriaNorBatch() {
        MassCertForm form = new MassCertForm();
        form.show(program("0", false));
        assertFalse(form.statuses.isVisible());
        assertFalse(form.appliedFrom.isVisible());
        assertFalse(form.batch.isVisible());
        assertEquals(Wording.CERTIFIED, form.wording());
        assertTrue(form.facts.getText().startsWith("Free: each applicant"), form.facts.getText());
        assertEquals(Map.of("program", "CPA", "send-email", "true"), form.parameters());
    }

    @Test
    void aCertificationWithAnApplicationAndAFeeAsksForTheCriteriaAndTheBatch() {
        MassCertForm form = new MassCertForm();
        form.show(program("150.00", true));
        assertTrue(form.statuses.isVisible());
        assertTrue(form.batch.isVisible());
        assertEquals(Wording.ORDERED, form.wording());
        assertTrue(form.facts.getText().contains("Fee 150.00 USD"), form.facts.getText());
        form.statuses.setValue(Set.of(ApplicationStatus.UNDER_REVIEW, ApplicationStatus.APPROVED));
        form.appliedFrom.setValue(LocalDate.of(2026, 1, 1));
        form.sendEmail.setValue(false);
        form.batches(List.of(SPRING), SPRING);
        assertEquals(Map.of("program", "CPA", "statuses", "UNDER_REVIEW,APPROVED", "applied-from", "2026-01-01",
                "send-email", "false", "batch", "4"), form.parameters());
    }

    @Test
    void switchingToAFreeCertificationDropsTheCriteriaAndTheBatch() {
        MassCertForm form = new MassCertForm();
        form.show(program("150.00", true));
        form.statuses.setValue(Set.of(ApplicationStatus.APPROVED));
        form.batches(List.of(SPRING), SPRING);
        form.show(program("0", false));
        assertEquals(Map.of("program", "CPA", "send-email", "true"), form.parameters());
    }

    @Test
    void withoutACertificationOrATimeTheFormSaysWhatIsMissing() {
        MassCertForm form = new MassCertForm();
        form.refused(assertThrows(IllegalArgumentException.class, form::parameters).getMessage());
        assertTrue(form.certification.isInvalid(), "beside the certification");
        assertEquals("Give the date and time of the first run.", assertThrows(IllegalArgumentException.class,
                form::scheduledAt).getMessage());
    }

    @Test
    void theProcessRefusalsAreShownBesideTheFieldTheyName() {
        MassCertForm form = new MassCertForm();
        form.show(program("150.00", true));
        form.refused("Accounting batch is required: certification CPA has a fee of 150.00 USD.");
        assertTrue(form.batch.isInvalid());
        form.refused("Applied from (2026-07-01) is after applied through (2026-06-30).");
        assertTrue(form.appliedFrom.isInvalid());
        form.refused("A run of this process for CPA is active already.");
        assertTrue(form.formError.isVisible(), "a sentence naming no field shows at the end");
        form.clearErrors();
        assertFalse(form.formError.isVisible());
        assertFalse(form.batch.isInvalid());
    }
}
