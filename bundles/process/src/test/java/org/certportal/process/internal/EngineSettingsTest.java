package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineSettingsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "chunkSize     | lots  | chunkSize must be a whole number from 1 to 10000, not 'lots'.",
        "chunkSize     | 0     | chunkSize must be a whole number from 1 to 10000, not '0'.",
        "chunkSize     | 10001 | chunkSize must be a whole number from 1 to 10000, not '10001'.",
        "workerThreads | 0     | workerThreads must be a whole number from 1 to 16, not '0'.",
        "workerThreads | 2.5   | workerThreads must be a whole number from 1 to 16, not '2.5'.",
        "pollSeconds   | -1    | pollSeconds must be a whole number from 1 to 3600, not '-1'.",
        "staleSeconds  | 9     | staleSeconds (9) must be at least twice pollSeconds (5).",
        "staleSeconds  | 1e9   | staleSeconds must be a whole number from 1 to 86400, not '1e9'.",
    })
    void eachBadValueIsRefusedByFileAndKey(String key, String value, String sentence) {
        assertEquals("etc/org.certportal.process.cfg: " + sentence, assertThrows(IllegalArgumentException.class,
                () -> EngineSettings.from(Map.of(key, value), "node")).getMessage());
    }

    @Test
    void aNodeNameIsAtMost150Characters() {
        assertEquals("etc/org.certportal.process.cfg: nodeName must be at most 150 characters, not '" + "n".repeat(151)
                + "'.", assertThrows(IllegalArgumentException.class,
                        () -> EngineSettings.from(Map.of("nodeName", "n".repeat(151)), "node")).getMessage());
    }

    @Test
    void emptyOrMissingValuesMeanTheDefaults() {
        EngineSettings defaults = EngineSettings.from(Map.of("nodeName", " ", "chunkSize", ""), "host-a");
        assertEquals("host-a", defaults.node());
        assertEquals(500, defaults.chunkSize());
        assertEquals(2, defaults.workerThreads());
        assertEquals(Duration.ofSeconds(5), defaults.pollInterval());
        assertEquals(Duration.ofSeconds(300), defaults.staleAfter());
    }

    @Test
    void theLastGoodSettingsStayWhenAnEditIsBad() {
        EngineSettings good = EngineSettings.accept(Map.of("chunkSize", "250", "nodeName", "a"), "host");
        assertEquals(250, good.chunkSize());
        EngineSettings afterBadEdit = EngineSettings.accept(Map.of("chunkSize", "-3", "nodeName", "a"), "host");
        assertEquals(good, afterBadEdit);
        assertEquals(1000, EngineSettings.accept(Map.of("chunkSize", 1000), "host").chunkSize());
    }
}
