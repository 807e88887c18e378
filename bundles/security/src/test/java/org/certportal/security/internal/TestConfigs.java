package org.certportal.security.internal;

import java.util.Map;

/** The configuration as DS hands it over: the given values; {@link SecuritySettings} supplies the rest. */
final class TestConfigs {
    private TestConfigs() {
    }

    static Map<String, Object> security(Map<String, Object> values) {
        SecuritySettings.reset();
        return Map.copyOf(values);
    }
}
