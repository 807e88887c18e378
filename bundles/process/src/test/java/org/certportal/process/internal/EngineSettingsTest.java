package org.certportal.process.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EngineSettingsTest {
    @Test
    void badValuesAreRefusedByFileAndKey() {
        assertEquals("etc/org.certportal.process.cfg: chunkSize must be a whole number, not 'lots'.",
                assertThrows(IllegalArgumentException.class,
                        () -> EngineSettings.from(Map.of("chunkSize", "lots"), "node")).getMessage());
        assertEquals("etc/org.certportal.process.cfg: workerThreads must be between 1 and 16, not 0.",
                assertThrows(IllegalArgumentException.class,
                        () -> EngineSettings.from(Map.of("workerThreads", "0"), "node")).getMessage());
        EngineSettings defaults = EngineSettings.from(Map.of("nodeName", " "), "host-a");
        assertEquals("host-a", defaults.node());
        assertEquals(500, defaults.chunkSize());
        assertEquals(Duration.ofSeconds(5), defaults.pollInterval());
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
