package org.certportal.settings.internal.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.certportal.ui.spi.DateFormats;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/** The organisation settings, for SysAdmins. */
public class SettingsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    /** The date every format is shown with: day and month told apart at a glance. */
    private static final LocalDate EXAMPLE = LocalDate.of(2026, 12, 31);
    private final transient SettingsService settings;
    private final ComboBox<String> timeZone = new ComboBox<>("Time zone");
    private final IntegerField expiringDays = new IntegerField("Send expiring emails this many days before expiry");
    private final IntegerField maxUploadKib = new IntegerField("Largest upload (KiB)");
    private final TextField uploadTypes = new TextField("Accepted upload types (comma-separated)");
    private final ComboBox<String> datePattern = new ComboBox<>("Date format");

    public SettingsView(SettingsService settings) {
        this.settings = settings;
        timeZone.setId("settings-time-zone");
        timeZone.setItems(new TreeSet<>(ZoneId.getAvailableZoneIds()));
        expiringDays.setId("settings-expiring-days");
        expiringDays.setClearButtonVisible(true);
        expiringDays.addValueChangeListener(e -> explainExpiring());
        maxUploadKib.setId("settings-max-upload");
        uploadTypes.setId("settings-upload-types");
        datePattern.setId("settings-date-format");
        datePattern.setItems(OrganisationSettings.DATE_PATTERNS);
        // each format shown with a date written in it, so nobody has to read the pattern letters
        datePattern.setItemLabelGenerator(p -> new DateFormats(p, ZoneOffset.UTC).date(EXAMPLE) + "  (" + p + ")");
        datePattern.setHelperText("How every page and date picker writes dates.");
        Button save = new Button("Save", e -> save());
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        H2 title = new H2("Settings");
        title.setId("settings-title");
        FormLayout form = new FormLayout(timeZone, datePattern, expiringDays, maxUploadKib, uploadTypes);
        add(title, form, save);
        show(settings.current());
    }

    private void show(OrganisationSettings s) {
        timeZone.setValue(s.timeZone().getId());
        datePattern.setValue(s.datePattern());
        expiringDays.setValue(s.expiringNoticeDays().isPresent() ? s.expiringNoticeDays().getAsInt() : null);
        maxUploadKib.setValue((int) (s.maxUploadBytes() / 1024));
        uploadTypes.setValue(String.join(", ", new TreeSet<>(s.uploadTypes())));
        explainExpiring();
    }

    private void explainExpiring() {
        expiringDays.setHelperText(expiringDays.getValue() == null
                ? "Empty: no expiring emails are sent." : "Each contact gets one email when entering this window.");
    }

    private void save() {
        Set<String> types = Arrays.stream(uploadTypes.getValue().split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        if (timeZone.getValue() == null || maxUploadKib.getValue() == null || datePattern.getValue() == null) {
            throw new IllegalArgumentException("Time zone, date format and largest upload are required.");
        }
        OrganisationSettings saved = settings.update(new OrganisationSettings(ZoneId.of(timeZone.getValue()),
                expiringDays.getValue() == null ? OptionalInt.empty() : OptionalInt.of(expiringDays.getValue()),
                maxUploadKib.getValue() * 1024L, types, datePattern.getValue()));
        show(saved);
        Notification.show("Settings saved.", 3000, Notification.Position.BOTTOM_START);
    }
}
