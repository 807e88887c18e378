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
