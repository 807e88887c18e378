package org.certportal.settings.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.certportal.settings.api.OrganisationSettings;
import org.junit.jupiter.api.Test;

class SettingsRulesTest {
    private static OrganisationSettings s(OptionalInt days, long upload, Set<String> types) {
        return new OrganisationSettings(ZoneId.of("Europe/Paris"), days, upload, types);
    }

    @Test
    void roundTripsThroughStoredValues() {
        OrganisationSettings original = s(OptionalInt.of(30), 2048, Set.of("application/pdf", "image/png"));
        assertEquals(original, SettingsRules.fromValues(SettingsRules.toValues(original)));
        OrganisationSettings none = s(OptionalInt.empty(), 2048, Set.of("application/pdf"));
        assertEquals(none, SettingsRules.fromValues(SettingsRules.toValues(none)));
        assertEquals(OrganisationSettings.defaults(), SettingsRules.fromValues(Map.of()));
        OrganisationSettings swiss = new OrganisationSettings(ZoneId.of("Europe/Zurich"), OptionalInt.empty(), 2048,
                Set.of("application/pdf"), "dd.MM.yyyy");
        assertEquals(swiss, SettingsRules.fromValues(SettingsRules.toValues(swiss)));
    }

    @Test
    void aDateFormatIsOneOfTheOffered() {
        for (String pattern : OrganisationSettings.DATE_PATTERNS) {
            SettingsRules.check(new OrganisationSettings(ZoneId.of("UTC"), OptionalInt.empty(), 2048,
                    Set.of("application/pdf"), pattern));
        }
        assertEquals("Date format: choose one of yyyy-MM-dd, dd.MM.yyyy, dd/MM/yyyy, MM/dd/yyyy.",
                assertThrows(IllegalArgumentException.class, () -> SettingsRules.check(new OrganisationSettings(
                        ZoneId.of("UTC"), OptionalInt.empty(), 2048, Set.of("application/pdf"), "d MMM yy")))
                        .getMessage());
        // a stored format no longer offered reads as the default rather than failing every page
        Map<String, String> stored = new java.util.HashMap<>(SettingsRules.toValues(OrganisationSettings.defaults()));
        stored.put("datePattern", "EEE d");
        assertEquals(OrganisationSettings.DEFAULT_DATE_PATTERN, SettingsRules.fromValues(stored).datePattern());
    }

    @Test
    void boundariesAreChecked() {
        SettingsRules.check(s(OptionalInt.of(1), SettingsRules.MIN_UPLOAD, Set.of("application/pdf")));
        SettingsRules.check(s(OptionalInt.of(365), SettingsRules.MAX_UPLOAD, Set.of("image/svg+xml")));
        assertThrows(IllegalArgumentException.class, () -> SettingsRules.check(s(OptionalInt.of(0), 2048, Set.of("a/b"))));
        assertThrows(IllegalArgumentException.class, () -> SettingsRules.check(s(OptionalInt.of(366), 2048, Set.of("a/b"))));
        assertThrows(IllegalArgumentException.class,
                () -> SettingsRules.check(s(OptionalInt.empty(), SettingsRules.MIN_UPLOAD - 1, Set.of("a/b"))));
        assertThrows(IllegalArgumentException.class,
                () -> SettingsRules.check(s(OptionalInt.empty(), SettingsRules.MAX_UPLOAD + 1, Set.of("a/b"))));
        assertThrows(IllegalArgumentException.class, () -> SettingsRules.check(s(OptionalInt.empty(), 2048, Set.of())));
        assertEquals("'pdf' is not a media type such as application/pdf.", assertThrows(IllegalArgumentException.class,
                () -> SettingsRules.check(s(OptionalInt.empty(), 2048, Set.of("pdf")))).getMessage());
    }
}
