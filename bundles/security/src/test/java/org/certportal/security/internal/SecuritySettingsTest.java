package org.certportal.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecuritySettingsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hashIterations     | -1    | hashIterations must be a whole number from 10000 to 10000000, not '-1'.",
        "hashIterations     | 999   | hashIterations must be a whole number from 10000 to 10000000, not '999'.",
        "hashIterations     | many  | hashIterations must be a whole number from 10000 to 10000000, not 'many'.",
        "sessionIdleMinutes | 0     | sessionIdleMinutes must be a whole number from 1 to 1440, not '0'.",
        "sessionIdleMinutes | 30m   | sessionIdleMinutes must be a whole number from 1 to 1440, not '30m'.",
        "demoUsers          | yes   | demoUsers must be true or false, not 'yes'.",
        "usersFile          | '  '  | usersFile must be the name of a file, not '  '.",
    })
    void eachBadValueIsRefusedByFileAndKey(String key, String value, String sentence) {
        assertEquals("etc/org.certportal.security.cfg: " + sentence, assertThrows(IllegalArgumentException.class,
                () -> SecuritySettings.from(Map.of(key, value))).getMessage());
    }

    @ParameterizedTest
    @CsvSource({ "abc", "'       '" })
    void aShortDemoPasswordIsRefusedWithoutShowingIt(String password) {
        assertEquals("etc/org.certportal.security.cfg: demoPassword must be at least " + UserRules.MIN_PASSWORD_LENGTH
                + " characters, not (not shown).", assertThrows(IllegalArgumentException.class,
                        () -> SecuritySettings.from(Map.of("demoUsers", "true", "demoPassword", password)))
                        .getMessage());
    }
}
