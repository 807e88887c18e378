package org.certportal.tracking.internal.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.certportal.programs.api.ProgramService;
import org.certportal.tracking.api.ReminderPlan;
import org.certportal.tracking.api.ReminderService;
import org.junit.jupiter.api.Test;

/** The command with plain objects: every argument is checked before the one write. */
class SetRemindersCommandTest {
    private final List<String> saved = new ArrayList<>();
    private final ReminderService reminders = (ReminderService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ReminderService.class }, (proxy, method, args) -> switch (method.getName()) {
                case "organisationDefault" -> new ReminderPlan(null, List.of(), List.of(), "Subject {name}", "Body",
                        false, false);
                case "save" -> {
                    saved.add(args[0] + " " + args[1] + " " + args[2] + " " + args[3]);
                    yield new ReminderPlan((Long) args[0], (List<Integer>) args[1], (List<Integer>) args[2],
                            (String) args[3], (String) args[4], false, true);
                }
                default -> throw new AssertionError("the command called " + method.getName());
            });
    private final ProgramService programs = (ProgramService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ProgramService.class }, (proxy, method, args) -> switch (method.getName()) {
                case "findByCode" -> Optional.empty();
                default -> throw new AssertionError("the command called " + method.getName());
            });

    private SetRemindersCommand command(String days, String grace) {
        SetRemindersCommand c = new SetRemindersCommand();
        c.reminders = reminders;
        c.programs = programs;
        c.days = days;
        c.grace = grace;
        return c;
    }

    @Test
    void theDefaultLadderIsSavedWithTheTemplatesItHad() throws Exception {
        command("90,60, 30 7", "7").execute();
        assertEquals(List.of("null [90, 60, 30, 7] [7] Subject {name}"), saved);
        command("none", null).execute();
        assertEquals("null [] [] Subject {name}", saved.get(1));
    }

    @Test
    void badArgumentsWriteNothing() {
        assertEquals("'x' is not a number of days.", assertThrows(IllegalArgumentException.class,
                () -> command("90,x", null).execute()).getMessage());
        assertThrows(IllegalArgumentException.class, () -> command("30", "0").execute());
        assertThrows(IllegalArgumentException.class, () -> command("30,30", null).execute());
        SetRemindersCommand unknown = command("30", null);
        unknown.program = "XYZ";
        assertEquals("There is no program with the code 'XYZ'.", assertThrows(IllegalArgumentException.class,
                unknown::execute).getMessage());
        SetRemindersCommand badSubject = command("30", null);
        badSubject.subject = "Hi {first}";
        assertThrows(IllegalArgumentException.class, badSubject::execute);
        assertEquals(List.of(), saved);
    }

    @Test
    void thePlanIsSaidInOneLine() {
        assertEquals("CPA (its own): 90,30 days before expiry, 7 days into the grace period.",
                ReminderOptions.describe("CPA", new ReminderPlan(1L, List.of(90, 30), List.of(7), "s", "b", false,
                        true)));
        assertEquals("RN (the organisation's default): no reminder ladder configured, no expiry reminders are sent.",
                ReminderOptions.describe("RN", new ReminderPlan(2L, List.of(), List.of(), "s", "b", true, false)));
    }
}
