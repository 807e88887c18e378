package org.certportal.tracking.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.Role;
import org.certportal.security.testing.TestSecurity;
import org.certportal.tracking.api.ReminderPlan;
import org.certportal.tracking.api.ReminderService;
import org.certportal.tracking.api.TrackingService;
import org.certportal.tracking.internal.ReminderRules;
import org.certportal.tracking.internal.TrackingPermissionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;

/** The reminders dialog with plain objects: what it shows, what it saves, who may change it. */
class RemindersDialogTest {
    private final List<String> calls = new ArrayList<>();
    private ReminderPlan stored = new ReminderPlan(null, List.of(), List.of(), "Subject {name}", "Body {expires}",
            false, false);
    private final ReminderService reminders = (ReminderService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ReminderService.class }, (proxy, method, args) -> switch (method.getName()) {
                case "organisationDefault" -> stored;
                case "save" -> {
                    calls.add("save " + args[0] + " " + args[1] + " " + args[2] + " " + args[3] + " / " + args[4]);
                    // stored as the service stores it: in the order the steps fall due
                    ReminderRules.Ladder ladder = new ReminderRules.Ladder((List<Integer>) args[1],
                            (List<Integer>) args[2]);
                    stored = new ReminderPlan(null, ladder.daysBefore(), ladder.graceDays(), (String) args[3],
                            (String) args[4], false, true);
                    yield stored;
                }
                default -> throw new AssertionError("the dialog called " + method.getName());
            });
    private final TrackingService tracking = (TrackingService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { TrackingService.class }, (proxy, method, args) -> {
                throw new AssertionError("the dialog called " + method.getName());
            });
    private final ProgramService programs = (ProgramService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { ProgramService.class }, (proxy, method, args) -> {
                throw new AssertionError("the dialog called " + method.getName() + " before a program was searched");
            });
    private int changed;
    private UI ui;

    @BeforeEach
    void ui() {
        ui = new UI();
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    private RemindersDialog dialog(Role role) {
        return new RemindersDialog(reminders, tracking, programs, new TestSecurity(new TrackingPermissionProvider())
                .as(role), () -> changed++);
    }

    @Test
    void aManagerSetsTheDefaultLadderAndThePageIsToldOfIt() {
        RemindersDialog d = dialog(Role.CERTIFICATION_MANAGER);
        assertEquals("The organisation's default: no reminder ladder configured, no expiry reminders are sent.",
                d.applies.getText());
        d.daysBefore.setValue("30, 90 7");
        d.graceDays.setValue("7");
        d.save.click();
        assertEquals(List.of("save null [30, 90, 7] [7] Subject {name} / Body {expires}"), calls);
        assertEquals(1, changed);
        assertEquals("The organisation's default: 90, 30, 7 days before expiry and 7 days into the grace period.",
                d.applies.getText());
        assertEquals("90, 30, 7", d.daysBefore.getValue());
    }

    @Test
    void badDaysAreSaidInTheDialogAndNothingIsSaved() {
        RemindersDialog d = dialog(Role.SYSADMIN);
        d.daysBefore.setValue("30, soon");
        d.save.click();
        assertEquals("'soon' is not a number of days.", d.error.getText());
        assertEquals(List.of(), calls);
    }

    @Test
    void withoutTheManagePermissionTheLadderIsReadOnlyAndThereIsNoSaveOrTest() {
        RemindersDialog d = dialog(Role.CERTIFICATION_ADMIN);
        assertTrue(d.daysBefore.isReadOnly());
        assertTrue(d.body.isReadOnly());
        assertFalse(d.save.isVisible());
        assertFalse(d.test.isVisible());
        d.showPreview.click();
        assertEquals("Choose a program and one of its enrollees to preview with.",
                d.error.getText());
    }
}
