package org.certportal.process.internal.ui;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.certportal.process.api.ProcessSchedule;
import org.certportal.process.api.ProcessTypeInfo;
import org.certportal.process.api.Recurrence;
import org.certportal.process.api.RunOptions;
import org.certportal.process.api.ScheduleRequest;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;

/**
 * Run now or schedule one process: the type, its parameters (from its definitions), when and how
 * often, preview, who to notify. It hands a {@link ScheduleRequest} to the view, which decides.
 */
final class ProcessForm extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private final ComboBox<ProcessTypeInfo> type = new ComboBox<>("Process");
    private final Paragraph description = new Paragraph();
    private final FormLayout parameters = new FormLayout();
    private final DateTimePicker when = new DateTimePicker("First run");
    private final ComboBox<Recurrence> recurrence = new ComboBox<>("Repeat");
    private final Checkbox preview = new Checkbox("Preview only (dry run: changes nothing)");
    private final EmailField notify = new EmailField("Email when it starts and ends");
    private transient ParameterFields fields;

    private final transient DateFormats dates;

    /**
     * @param onRunNow null to hide "Run now" (editing a schedule)
     * @param dates how the organisation writes dates: date parameters are picked in it
     */
    ProcessForm(List<ProcessTypeInfo> types, ProcessSchedule editing, Consumer<ScheduleRequest> onSchedule,
            Consumer<ScheduleRequest> onRunNow, Runnable onClose, DateFormats dates) {
        this.dates = dates;
        setPadding(false);
        type.setId("schedule-type");
        type.setItems(types.stream().filter(ProcessTypeInfo::available).toList());
        type.setItemLabelGenerator(ProcessTypeInfo::title);
        type.setWidthFull();
        type.addValueChangeListener(e -> showParameters(e.getValue(), Map.of()));
        description.setId("schedule-description");
        when.setId("schedule-when");
        when.setStep(java.time.Duration.ofMinutes(1));
        recurrence.setId("schedule-recurrence");
        recurrence.setItems(Recurrence.values());
        recurrence.setItemLabelGenerator(Labels::recurrence);
        recurrence.setValue(Recurrence.NONE);
        preview.setId("schedule-preview");
        notify.setId("schedule-notify");
        notify.setPlaceholder("staff@example.org");
        notify.setHelperText("Empty: your own address, when your account has one");
        notify.setWidthFull();

        Button save = new Button(editing == null ? "Schedule" : "Save schedule", e -> onSchedule.accept(request(true)));
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button runNow = new Button("Run now", e -> onRunNow.accept(request(false)));
        runNow.setId("schedule-run-now");
        runNow.setVisible(onRunNow != null);
        Button close = new Button("Close", e -> onClose.run());
        close.setId("schedule-close");

        if (editing != null) {
            types.stream().filter(t -> t.id().equals(editing.typeId())).findFirst().ifPresent(type::setValue);
            type.setReadOnly(true);
            showParameters(type.getValue(), editing.parameters());
            when.setValue(editing.firstAt());
            recurrence.setValue(editing.recurrence());
            preview.setValue(editing.dryRun());
            notify.setValue(editing.notifyTo() == null ? "" : editing.notifyTo());
        } else {
            when.setValue(LocalDateTime.now().plusMinutes(5).withSecond(0).withNano(0));
        }
        add(type, description, parameters, new HorizontalLayout(when, recurrence), preview, notify,
                new HorizontalLayout(save, runNow, close));
    }

    /** Starts with this type chosen. */
    ProcessForm choose(String typeId) {
        type.getListDataView().getItems().filter(t -> t.id().equals(typeId)).findFirst().ifPresent(type::setValue);
        return this;
    }

    private void showParameters(ProcessTypeInfo t, Map<String, String> values) {
        parameters.removeAll();
        description.setText(t == null ? "" : t.description());
        if (t != null) {
            fields = new ParameterFields(t.parameters(), values, dates);
            fields.fields().forEach(parameters::add);
        } else {
            fields = null;
        }
    }

    private ScheduleRequest request(boolean scheduled) {
        ProcessTypeInfo t = type.getValue();
        if (t == null) {
            throw new IllegalArgumentException("Choose a process.");
        }
        if (scheduled && when.getValue() == null) {
            throw new IllegalArgumentException("Give the date and time of the first run.");
        }
        return new ScheduleRequest(t.id(), fields == null ? Map.of() : fields.values(),
                scheduled ? when.getValue() : LocalDateTime.now(), null, recurrence.getValue(),
                new RunOptions(preview.getValue(), notify.getValue()));
    }
}
