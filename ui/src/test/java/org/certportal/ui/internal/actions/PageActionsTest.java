package org.certportal.ui.internal.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.certportal.ui.spi.PageAction;
import org.junit.jupiter.api.Test;

class PageActionsTest {
    static PageAction action(String key, String target, String permission, int order, Predicate<String> applies) {
        return new PageAction() {
            public String key() { return key; }
            public String target() { return target; }
            public String label() { return "Label " + key; }
            public String permission() { return permission; }
            public String location(String subject) { return key + "?id=" + subject; }
            public boolean appliesTo(String subject) { return applies.test(subject); }
            public int order() { return order; }
        };
    }

    @Test
    void offersThePermittedActionsOfTheTargetThatApplyInOrder() {
        List<PageAction> all = List.of(
                action("mass-certify", PageAction.PROGRAM, "masscert.run", 20, s -> true),
                action("export", PageAction.PROGRAM, "programs.read", 10, s -> true),
                action("revert", PageAction.PROCESS_RUN, "programs.read", 1, s -> true),
                action("secret", PageAction.PROGRAM, "audit.read", 1, s -> true),
                action("only-odd", PageAction.PROGRAM, "programs.read", 5, s -> Integer.parseInt(s) % 2 == 1));
        Predicate<String> permitted = Set.of("masscert.run", "programs.read")::contains;

        assertEquals(List.of("export", "mass-certify"),
                PageActions.offered(all, PageAction.PROGRAM, "12", permitted).stream().map(PageAction::key).toList());
        assertEquals(List.of("only-odd", "export", "mass-certify"),
                PageActions.offered(all, PageAction.PROGRAM, "13", permitted).stream().map(PageAction::key).toList());
    }

    @Test
    void anActionThatFailsToDecideIsLeftOutAndTheOthersStay() {
        List<PageAction> all = List.of(
                action("broken", PageAction.PROCESS_RUN, "p", 1, s -> { throw new IllegalStateException("gone"); }),
                action("fine", PageAction.PROCESS_RUN, "p", 2, s -> true));
        assertEquals(List.of("fine"),
                PageActions.offered(all, PageAction.PROCESS_RUN, "7", p -> true).stream().map(PageAction::key).toList());
    }

    @Test
    void refusesInvalidKeysAndActionsWithoutTargetLabelOrPermission() {
        PageActions actions = new PageActions(null);
        assertNull(actions.problemOf(action("tracking-revert", PageAction.PROCESS_RUN, "p", 1, s -> true)));
        assertNotNull(actions.problemOf(action("Revert Run", PageAction.PROCESS_RUN, "p", 1, s -> true)));
        assertNotNull(actions.problemOf(action("no-target", " ", "p", 1, s -> true)));
        assertNotNull(actions.problemOf(action("no-permission", PageAction.PROGRAM, null, 1, s -> true)));
    }
}
