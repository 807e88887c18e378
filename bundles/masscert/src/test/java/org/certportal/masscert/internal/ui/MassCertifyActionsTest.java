package org.certportal.masscert.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.certportal.masscert.api.MassCertPermissions;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.certportal.programs.testing.FakePrograms;
import org.certportal.ui.spi.PageAction;
import org.junit.jupiter.api.Test;

class MassCertifyActionsTest {

    @Test
    void massCertifyIsOfferedOnActiveCertificationsWithAnExamOrCreditsAndOpensTheFormWithIt() {
        FakePrograms programs = new FakePrograms();
        programs.add(1, "EXAM", ProgramStatus.ACTIVE, ProgramOptions.defaults(), List.of(requirement(11, 1,
                RequirementKind.EXAM)));
        programs.add(2, "CREDITS", ProgramStatus.ACTIVE, ProgramOptions.defaults(), List.of(requirement(21, 2,
                RequirementKind.EDUCATION_CREDITS)));
        programs.add(3, "COURSES", ProgramStatus.ACTIVE, ProgramOptions.defaults());
        programs.add(4, "DRAFT", ProgramStatus.DRAFT, ProgramOptions.defaults(), List.of(requirement(41, 4,
                RequirementKind.EXAM)));
        MassCertifyProgramAction action = new MassCertifyProgramAction(programs);
        assertEquals(PageAction.PROGRAM, action.target());
        assertEquals(MassCertPermissions.RUN, action.permission());
        assertEquals("Mass certify", action.label());
        assertTrue(action.appliesTo("1"));
        assertTrue(action.appliesTo("2"));
        assertFalse(action.appliesTo("3"), "courses only: nothing to mass-certify");
        assertFalse(action.appliesTo("4"), "not active");
        assertFalse(action.appliesTo("99"));
        assertFalse(action.appliesTo("x"));
        assertEquals("masscert?program=1", action.location("1"));
    }

    @Test
    void theProcessCenterOffersTheFormWithoutACertification() {
        MassCertifyProcessesAction action = new MassCertifyProcessesAction();
        assertEquals(PageAction.PROCESSES, action.target());
        assertEquals(MassCertPermissions.RUN, action.permission());
        assertEquals("masscert", action.location(""));
    }

    static Requirement requirement(long id, long programId, RequirementKind kind) {
        return new Requirement(id, programId, 1, "Requirement " + id, kind, GradeType.NONE, null, true,
                BigDecimal.ZERO, List.of());
    }
}
