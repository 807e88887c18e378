package org.certportal.security.internal;

import java.time.Duration;
import java.util.Map;

import org.certportal.security.api.config.ConfigValues;
import org.certportal.security.api.config.LastGoodSettings;
import org.slf4j.LoggerFactory;

/**
 * The security configuration (etc/org.certportal.security.cfg) read from its raw values and checked
 * key by key. A bad value is refused with the file and key named, and the last good settings stay
 * in force (at a start with a bad file: the defaults), so a typo cannot lock everyone out.
 */
record SecuritySettings(String usersFile, boolean demoUsers, String demoPassword, Duration sessionIdleTimeout,
        int hashIterations) {
    static final int MIN_ITERATIONS = 10_000;
    static final int MAX_ITERATIONS = 10_000_000;
    // both components of this bundle read the same file: the last good values and the last refusal
    // are the bundle's, so a reactivated component keeps them and the log says each refusal once
    private static final LastGoodSettings<SecuritySettings> LAST_GOOD = new LastGoodSettings<>(
            LoggerFactory.getLogger(SecuritySettings.class),
            "The last good security settings stay in force until it is fixed.");

    /** @throws IllegalArgumentException naming the file and the key of the first bad value */
    static SecuritySettings from(Map<String, ?> values) {
        ConfigValues cfg = new ConfigValues(SecurityConfig.PID, values);
        String usersFile = cfg.text("usersFile", "certportal-users.properties");
        if (usersFile.isEmpty()) {
            throw cfg.wrong("usersFile", "the name of a file");
        }
        boolean demoUsers = cfg.flag("demoUsers", false);
        String demoPassword = cfg.raw("demoPassword", "certportal");
        if (demoUsers && demoPassword.length() < UserRules.MIN_PASSWORD_LENGTH) {
            throw cfg.wrong("demoPassword", "at least " + UserRules.MIN_PASSWORD_LENGTH + " characters");
        }
        int idle = cfg.number("sessionIdleMinutes", 30, 1, 24 * 60);
        int iterations = cfg.number("hashIterations", 120_000, MIN_ITERATIONS, MAX_ITERATIONS);
        return new SecuritySettings(usersFile, demoUsers, demoPassword, Duration.ofMinutes(idle), iterations);
    }

    /** The settings to use now: these values when they are good, else the last good ones (logged). */
    static SecuritySettings accept(Map<String, ?> values) {
        return LAST_GOOD.accept(() -> from(values), () -> from(Map.of()));
    }

    /** Forgets the last good values (tests). */
    static void reset() {
        LAST_GOOD.forget();
    }
}
