package org.certportal.security.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

class ConfigValuesTest {
    private final Map<String, Object> values = new HashMap<>();
    private final ConfigValues cfg = new ConfigValues("org.certportal.sample", values);

    private String refusal(org.junit.jupiter.api.function.Executable read) {
        return assertThrows(IllegalArgumentException.class, read).getMessage();
    }

    @Test
    void numbersAreWholeAndInRangeAndMissingOrEmptyMeansTheDefault() {
        assertEquals(7, cfg.number("size", 7, 1, 10));
        values.put("size", " ");
        assertEquals(7, cfg.number("size", 7, 1, 10));
        values.put("size", " 9 ");
        assertEquals(9, cfg.number("size", 7, 1, 10));
        values.put("size", 10L);
        assertEquals(10, cfg.number("size", 7, 1, 10), "typed values from Configuration Admin");
        for (String bad : new String[] { "-1", "0", "11", "ten", "2.5", "99999999999999999999" }) {
            values.put("size", bad);
            assertEquals("etc/org.certportal.sample.cfg: size must be a whole number from 1 to 10, not '" + bad
                    + "'.", refusal(() -> cfg.number("size", 7, 1, 10)));
        }
    }

    @Test
    void flagsAreTrueOrFalse() {
        assertTrue(cfg.flag("on", true));
        values.put("on", "FALSE ");
        assertFalse(cfg.flag("on", true));
        values.put("on", Boolean.TRUE);
        assertTrue(cfg.flag("on", false));
        values.put("on", "yes");
        assertEquals("etc/org.certportal.sample.cfg: on must be true or false, not 'yes'.",
                refusal(() -> cfg.flag("on", false)));
    }

    @Test
    void textIsStrippedButAPasswordIsTakenAsWrittenAndNeverShown() {
        values.put("host", " mail.example.org ");
        values.put("smtpPassword", " s3cret ");
        assertEquals("mail.example.org", cfg.text("host", ""));
        assertEquals(" s3cret ", cfg.raw("smtpPassword", ""));
        String refusal = cfg.wrong("smtpPassword", "at least 10 characters").getMessage();
        assertEquals("etc/org.certportal.sample.cfg: smtpPassword must be at least 10 characters, not (not shown).",
                refusal);
    }

    @Test
    void theLastGoodSettingsStayAfterABadEditAndTheDefaultsBeforeAnyGoodOne() {
        LastGoodSettings<Integer> lastGood = new LastGoodSettings<>(NOPLogger.NOP_LOGGER, "Kept.");
        values.put("size", "ten");
        assertEquals(7, lastGood.accept(() -> cfg.number("size", 7, 1, 10), () -> 7), "a start with a bad file");
        values.put("size", "4");
        assertEquals(4, lastGood.accept(() -> cfg.number("size", 7, 1, 10), () -> 7));
        values.put("size", "-1");
        assertEquals(4, lastGood.accept(() -> cfg.number("size", 7, 1, 10), () -> 7), "a bad edit");
        lastGood.forget();
        assertEquals(7, lastGood.accept(() -> cfg.number("size", 7, 1, 10), () -> 7));
    }
}
