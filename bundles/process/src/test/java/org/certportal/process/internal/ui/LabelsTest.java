package org.certportal.process.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.certportal.process.api.ParameterDefinition;
import org.certportal.ui.spi.DateFormats;
import org.junit.jupiter.api.Test;

class LabelsTest {
    private final DateFormats swiss = new DateFormats("dd.MM.yyyy", ZoneId.of("Europe/Zurich"));

    @Test
    void parametersReadAsTheFormNamesThem() {
        List<ParameterDefinition> form = List.of(
                ParameterDefinition.flag("fix", "Fix inconsistencies", false, ""),
                ParameterDefinition.date("from", "Expiring from", false, ""),
                ParameterDefinition.choice("status", "Status", List.of("IN_PROGRESS", "ACTIVE"), null, ""));
        assertEquals("Fix inconsistencies: no, Expiring from: 31.12.2026, Status: In progress, Skip every: 100",
                Labels.parameters(Map.of("skip-every", "100", "status", "IN_PROGRESS", "from", "2026-12-31",
                        "fix", "false"), form, swiss));
        assertEquals("Expiring from: 2026-13-01", Labels.parameters(Map.of("from", "2026-13-01"), form, swiss),
                "a stored value no longer a date shows as stored");
    }

    @Test
    void parametersOfATypeNoLongerInstalledReadAsWordsInKeyOrder() {
        assertEquals("Fix: no, Program id: 12, Skip every: 100",
                Labels.parameters(Map.of("skip-every", "100", "fix", "false", "programId", "12"), List.of(), swiss));
        assertEquals("Dry: yes", Labels.parameters(Map.of("dry", "true"), List.of(), swiss));
        assertEquals("none", Labels.parameters(Map.of(), List.of(), swiss));
    }
}
