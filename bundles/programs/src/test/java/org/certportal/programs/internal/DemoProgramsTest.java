package org.certportal.programs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;

class DemoProgramsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void sameSeedSameProgramsAllValidAndMixed() {
        List<DemoPrograms.DemoProgram> a = DemoPrograms.generate(200, 7, TODAY);
        assertEquals(a, DemoPrograms.generate(200, 7, TODAY));
        assertNotEquals(a, DemoPrograms.generate(200, 8, TODAY));
        assertEquals(200, a.stream().map(p -> p.program().code()).distinct().count());
        assertEquals("DEMO7-1", a.get(0).program().code());
        long assessed = 0;
        for (DemoPrograms.DemoProgram p : a) {
            ProgramInput.program(p.program());
            assertTrue(p.requirements().size() >= 2 && p.requirements().size() <= 6);
            assertEquals(p.requirements().size(), p.offerings().size());
            p.requirements().forEach(ProgramInput::requirement);
            p.offerings().forEach(list -> list.forEach(ProgramInput::offering));
            if (p.requirements().stream().map(RequirementDraft::kind)
                    .anyMatch(Set.of(RequirementKind.EXAM, RequirementKind.EDUCATION_CREDITS)::contains)) {
                assessed++;
            }
        }
        assertTrue(assessed > 150, "most programs have an exam or credits: " + assessed);
        assertTrue(a.stream().anyMatch(p -> p.program().options().maintenance()));
        assertTrue(a.stream().anyMatch(p -> !p.program().options().maintenance()));
        assertEquals(67, a.stream().filter(p -> p.program().options().applicationRequired()).count(),
                "every third program has a related application, the first among them");
        assertTrue(a.get(0).program().options().applicationRequired());
        // the longest code a seed can give is still valid
        ProgramInput.program(DemoPrograms.generate(1, Long.MIN_VALUE, TODAY).get(0).program());
    }

    @Test
    void refusesAbsurdCounts() {
        assertThrows(IllegalArgumentException.class, () -> DemoPrograms.generate(-1, 1, TODAY));
        assertThrows(IllegalArgumentException.class, () -> DemoPrograms.generate(DemoPrograms.MAX + 1, 1, TODAY));
    }
}
