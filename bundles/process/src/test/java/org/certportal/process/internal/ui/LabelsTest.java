package org.certportal.process.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void parametersReadAsWordsInKeyOrder() {
        assertEquals("Fix: no, Program id: 12, Skip every: 100",
                Labels.parameters(Map.of("skip-every", "100", "fix", "false", "programId", "12")));
        assertEquals("Dry: yes", Labels.parameters(Map.of("dry", "true")));
        assertEquals("none", Labels.parameters(Map.of()));
    }
}
