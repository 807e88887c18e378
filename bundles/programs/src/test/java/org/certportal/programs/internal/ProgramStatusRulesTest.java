package org.certportal.programs.internal;

import static org.certportal.programs.api.ProgramStatus.ACTIVE;
import static org.certportal.programs.api.ProgramStatus.DRAFT;
import static org.certportal.programs.api.ProgramStatus.INACTIVE;
import static org.certportal.programs.api.ProgramStatus.RETIRED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.certportal.programs.api.ProgramStatus;
import org.junit.jupiter.api.Test;

class ProgramStatusRulesTest {

    private static String refusal(ProgramStatus from, ProgramStatus to, int requirements) {
        return assertThrows(IllegalArgumentException.class, () -> ProgramStatusRules.check(from, to, requirements))
                .getMessage();
    }

    @Test
    void everyAllowedTransition() {
        Set<ProgramStatus[]> allowed = Set.of(new ProgramStatus[] { DRAFT, ACTIVE },
                new ProgramStatus[] { ACTIVE, INACTIVE }, new ProgramStatus[] { INACTIVE, ACTIVE },
                new ProgramStatus[] { DRAFT, RETIRED }, new ProgramStatus[] { ACTIVE, RETIRED },
                new ProgramStatus[] { INACTIVE, RETIRED });
        for (ProgramStatus[] t : allowed) {
            assertDoesNotThrow(() -> ProgramStatusRules.check(t[0], t[1], 1), t[0] + " -> " + t[1]);
        }
    }

    @Test
    void everyOtherTransitionIsRefused() {
        int refused = 0;
        for (ProgramStatus from : ProgramStatus.values()) {
            for (ProgramStatus to : ProgramStatus.values()) {
                boolean allowed = from != RETIRED && from != to && (to == RETIRED || to == ACTIVE
                        || to == INACTIVE && from == ACTIVE);
                if (!allowed) {
                    refusal(from, to, 3);
                    refused++;
                }
            }
        }
        assertEquals(16 - 6, refused);
    }

    @Test
    void activationNeedsARequirement() {
        assertEquals("A program needs at least one requirement before it can become active.", refusal(DRAFT, ACTIVE, 0));
        assertEquals("A program needs at least one requirement before it can become active.",
                refusal(INACTIVE, ACTIVE, 0));
        assertDoesNotThrow(() -> ProgramStatusRules.check(DRAFT, ACTIVE, 1));
        // retiring or deactivating needs none
        assertDoesNotThrow(() -> ProgramStatusRules.check(DRAFT, RETIRED, 0));
        assertDoesNotThrow(() -> ProgramStatusRules.check(ACTIVE, INACTIVE, 0));
    }

    @Test
    void retiredIsFinalAndActiveNeverGoesBackToDraft() {
        for (ProgramStatus to : EnumSet.of(DRAFT, ACTIVE, INACTIVE)) {
            assertEquals("The program is retired; a retired program stays retired.", refusal(RETIRED, to, 1));
        }
        assertEquals("The program is already Retired.", refusal(RETIRED, RETIRED, 1));
        assertEquals("A program that was Active cannot go back to draft.", refusal(ACTIVE, DRAFT, 1));
        assertEquals("A program that was Inactive cannot go back to draft.", refusal(INACTIVE, DRAFT, 1));
        assertEquals("Only an active program can be made inactive.", refusal(DRAFT, INACTIVE, 1));
        assertEquals("The program is already Active.", refusal(ACTIVE, ACTIVE, 1));
        assertEquals("A new status is required.", refusal(ACTIVE, null, 1));
    }
}
