package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.certportal.completions.api.CompletionStatus;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
    private static final Requirement FIRST = requirement(11, 1), SECOND = requirement(12, 2), THIRD = requirement(13, 3);
    // deliberately not in position order: the rules go by position
    private static final List<Requirement> ALL = List.of(THIRD, FIRST, SECOND);

    private static Requirement requirement(long id, int position) {
        return new Requirement(id, 1, position, "R" + position, RequirementKind.COURSE, GradeType.NONE, null, false,
                BigDecimal.ZERO, List.of());
    }

    @Test
    void inOrderOnlyTheRequirementAfterTheCompleteOnesIsRecordable() {
        Map<Long, CompletionStatus> none = Map.of();
        assertTrue(OrderRules.recordable(true, ALL, none, FIRST));
        assertFalse(OrderRules.recordable(true, ALL, none, SECOND));
        assertFalse(OrderRules.recordable(true, ALL, none, THIRD));

        Map<Long, CompletionStatus> firstDone = Map.of(11L, CompletionStatus.COMPLETE);
        assertFalse(OrderRules.recordable(true, ALL, firstDone, FIRST), "complete is read-only");
        assertTrue(OrderRules.recordable(true, ALL, firstDone, SECOND));
        assertFalse(OrderRules.recordable(true, ALL, firstDone, THIRD));
    }

    @Test
    void anEarlierRequirementNotYetCompleteBlocksWhateverItsStatus() {
        for (CompletionStatus s : CompletionStatus.values()) {
            if (s != CompletionStatus.COMPLETE) {
                Map<Long, CompletionStatus> statuses = Map.of(11L, s);
                assertFalse(OrderRules.recordable(true, ALL, statuses, SECOND), s.name());
                assertTrue(OrderRules.recordable(true, ALL, statuses, FIRST), s + " may be recorded again");
            }
        }
    }

    @Test
    void outOfOrderEveryRequirementNotCompleteIsRecordable() {
        Map<Long, CompletionStatus> statuses = Map.of(12L, CompletionStatus.COMPLETE);
        assertTrue(OrderRules.recordable(false, ALL, statuses, FIRST));
        assertFalse(OrderRules.recordable(false, ALL, statuses, SECOND));
        assertTrue(OrderRules.recordable(false, ALL, statuses, THIRD));
        OrderRules.checkRecordable(false, ALL, statuses, THIRD);
    }

    @Test
    void theRefusalNamesTheMissingRequirementsInOrder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OrderRules.checkRecordable(true, ALL, Map.of(), THIRD));
        assertEquals("This program is taken in order: complete 1. R1, 2. R2 before R3.", e.getMessage());
        assertEquals(CompletionRules.READ_ONLY, assertThrows(IllegalArgumentException.class, () -> OrderRules
                .checkRecordable(false, ALL, Map.of(13L, CompletionStatus.COMPLETE), THIRD)).getMessage());
    }

    @Test
    void earnedOnlyWhenEveryRequirementIsComplete() {
        assertFalse(OrderRules.allComplete(ALL, Map.of(11L, CompletionStatus.COMPLETE, 12L, CompletionStatus.COMPLETE,
                13L, CompletionStatus.AWAITING_APPROVAL)));
        assertFalse(OrderRules.allComplete(ALL, Map.of(11L, CompletionStatus.COMPLETE, 12L,
                CompletionStatus.COMPLETE)));
        assertTrue(OrderRules.allComplete(ALL, Map.of(11L, CompletionStatus.COMPLETE, 12L, CompletionStatus.COMPLETE,
                13L, CompletionStatus.COMPLETE)));
        assertFalse(OrderRules.allComplete(List.of(), Map.of()), "a program without requirements is never earned");
    }
}
