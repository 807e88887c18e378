package org.certportal.settings.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

import org.certportal.settings.api.OrganisationSettings;
import org.certportal.settings.api.SettingsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The view built from plain objects, as its contribution builds it with the registered service:
 * no OSGi, no browser, no database.
 */
class SettingsViewTest {

    /** The settings service as the view sees it: what it was told to save, kept. */
    static final class KeptSettings implements SettingsService {
        OrganisationSettings current = new OrganisationSettings(ZoneId.of("Europe/Vienna"), OptionalInt.of(30),
                2 * 1024 * 1024, Set.of("application/pdf", "image/png"));
        final List<OrganisationSettings> saved = new ArrayList<>();

        @Override
        public OrganisationSettings current() {
            return current;
        }

        @Override
        public OrganisationSettings update(OrganisationSettings settings) {
            saved.add(settings);
            current = settings;
            return settings;
        }
    }

    private final KeptSettings settings = new KeptSettings();

    @BeforeEach
    void ui() {
        UI.setCurrent(new UI()); // the saved note is shown in the current UI
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void showsTheCurrentSettings() {
        SettingsView view = new SettingsView(settings);
        assertEquals("Europe/Vienna", this.<ComboBox<String>>field(view, "settings-time-zone").getValue());
        assertEquals(30, this.<IntegerField>field(view, "settings-expiring-days").getValue());
        assertEquals(2048, this.<IntegerField>field(view, "settings-max-upload").getValue());
        assertEquals("application/pdf, image/png", this.<TextField>field(view, "settings-upload-types").getValue());
        ComboBox<String> dates = field(view, "settings-date-format");
        assertEquals("yyyy-MM-dd", dates.getValue());
        assertEquals("31.12.2026  (dd.MM.yyyy)", dates.getItemLabelGenerator().apply("dd.MM.yyyy"));
    }

    @Test
    void savesWhatWasTyped() {
        SettingsView view = new SettingsView(settings);
        this.<ComboBox<String>>field(view, "settings-time-zone").setValue("UTC");
        this.<IntegerField>field(view, "settings-expiring-days").clear();
        this.<IntegerField>field(view, "settings-max-upload").setValue(512);
        this.<TextField>field(view, "settings-upload-types").setValue(" image/png ,, application/pdf");
        this.<ComboBox<String>>field(view, "settings-date-format").setValue("dd/MM/yyyy");
        this.<Button>field(view, "settings-save").click();

        assertEquals(List.of(new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(), 512 * 1024,
                Set.of("image/png", "application/pdf"), "dd/MM/yyyy")), settings.saved);
        assertNull(this.<IntegerField>field(view, "settings-expiring-days").getValue(), "shown as saved");
    }

    @Test
    void aMissingRequiredValueSavesNothing() {
        SettingsView view = new SettingsView(settings);
        this.<IntegerField>field(view, "settings-max-upload").clear();
        Button save = field(view, "settings-save");
        assertEquals("Time zone, date format and largest upload are required.",
                assertThrows(IllegalArgumentException.class, save::click).getMessage());
        assertEquals(List.of(), settings.saved);
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T field(Component root, String id) {
        return (T) descendants(root).filter(c -> c.getId().filter(id::equals).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + id));
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(SettingsViewTest::descendants));
    }
}
