package org.certportal.process.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessTypeInfo;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.ScheduleRequest;
import org.certportal.process.api.ScheduleState;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;

/** The schedule form without a browser: what it shows is what it hands back. */
class ProcessFormTest {
    private static final ProcessTypeInfo TYPE = new ProcessTypeInfo("masscert", "Mass certification", "Approves.",
            "masscert.run", List.of(ParameterDefinition.text("program", "Program", true, "Program code"),
                    ParameterDefinition.flag("notify", "Email them", true, ""),
                    ParameterDefinition.choice("status", "Status", List.of("approved", "pending"), "approved", "")),
            List.of("outcomes.csv"), true);

    @SuppressWarnings("unchecked")
    private static <T extends Component> T find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return (T) root;
        }
        return (T) root.getChildren().map(c -> (Component) find(c, id)).filter(c -> c != null).findFirst().orElse(null);
    }

    @Test
    void anEditedScheduleShowsItsValuesAndHandsThemBack() {
        ProcessSchedule s = new ProcessSchedule(4, "masscert", Map.of("program", "CPA", "notify", "false", "status",
                "pending"), LocalDateTime.of(2026, 9, 1, 6, 0), java.time.ZoneOffset.UTC, Recurrence.MONTHLY, true,
                "ada@example.org", ScheduleState.ACTIVE, null, null, null, "certadmin", null, true, 3);
        AtomicReference<ScheduleRequest> saved = new AtomicReference<>();
        ProcessForm form = new ProcessForm(List.of(TYPE), s, saved::set, null, () -> { },
                DateFormats.iso(ZoneId.of("UTC")));
        assertEquals("CPA", this.<TextField>find(form, "schedule-param-program").getValue());
        assertEquals(false, this.<Checkbox>find(form, "schedule-param-notify").getValue());
        assertEquals("pending", this.<ComboBox<String>>find(form, "schedule-param-status").getValue());
        assertEquals(false, this.<Button>find(form, "schedule-run-now").isVisible(), "a schedule is not run from here");

        this.<Button>find(form, "schedule-save").click();
        assertEquals(new ScheduleRequest("masscert", Map.of("program", "CPA", "notify", "false", "status", "pending"),
                LocalDateTime.of(2026, 9, 1, 6, 0), null, Recurrence.MONTHLY,
                new RunOptions(true, "ada@example.org")), saved.get());
    }

    @Test
    void runNowNeedsAProcessAndSendsItsParameters() {
        AtomicReference<ScheduleRequest> started = new AtomicReference<>();
        ProcessForm form = new ProcessForm(List.of(TYPE), null, r -> { }, started::set, () -> { },
                DateFormats.iso(ZoneId.of("UTC")));
        Button runNow = find(form, "schedule-run-now");
        assertThrows(IllegalArgumentException.class, runNow::click, "no process chosen");
        form.choose("masscert");
        this.<TextField>find(form, "schedule-param-program").setValue("RN-1");
        runNow.click();
        assertEquals("masscert", started.get().typeId());
        assertEquals(Map.of("program", "RN-1", "notify", "true", "status", "approved"), started.get().parameters());
        assertEquals(RunOptions.run(), started.get().options());
    }
}
