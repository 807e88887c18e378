package org.certportal.security.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security configuration (etc/org.certportal.security.cfg) read from its raw values and checked
 * key by key. A bad value is refused with the file and key named, and the last good settings stay
 * in force (at a start with a bad file: the defaults), so a typo cannot lock everyone out.
 */
record SecuritySettings(String usersFile, boolean demoUsers, String demoPassword, Duration sessionIdleTimeout,
        int hashIterations) {
    static final String FILE = "etc/" + SecurityConfig.PID + ".cfg";
    static final int MIN_ITERATIONS = 10_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(SecuritySettings.class);
    private static final SecuritySettings DEFAULTS = from(Map.of());
    // both components of this bundle read the same file: the last good values and the last refusal
    // are the bundle's, so a reactivated component keeps them and the log says each refusal once
    private static SecuritySettings lastGood = DEFAULTS;
    private static String lastRefusal;

    /** @throws IllegalArgumentException naming the file and the key of the first bad value */
    static SecuritySettings from(Map<String, ?> values) {
        String usersFile = text(values, "usersFile", "certportal-users.properties");
        if (usersFile.isBlank()) {
            throw wrong("usersFile", "the name of a file", usersFile);
        }
        boolean demoUsers = flag(values, "demoUsers", false);
        String demoPassword = text(values, "demoPassword", "certportal");
        if (demoUsers && demoPassword.length() < UserRules.MIN_PASSWORD_LENGTH) {
            throw wrong("demoPassword", "at least " + UserRules.MIN_PASSWORD_LENGTH + " characters", demoPassword);
        }
        int idle = number(values, "sessionIdleMinutes", 30, 1, 24 * 60);
        int iterations = number(values, "hashIterations", 120_000, MIN_ITERATIONS, MAX_ITERATIONS);
        return new SecuritySettings(usersFile.strip(), demoUsers, demoPassword, Duration.ofMinutes(idle), iterations);
    }

    /** The settings to use now: these values when they are good, else the last good ones (logged). */
    static synchronized SecuritySettings accept(Map<String, ?> values) {
        try {
            lastGood = from(values);
            lastRefusal = null;
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(lastRefusal)) {
                LOG.error("{} The last good security settings stay in force until it is fixed.", e.getMessage());
                lastRefusal = e.getMessage();
            }
        }
        return lastGood;
    }

    /** Forgets the last good values (tests). */
    static synchronized void reset() {
        lastGood = DEFAULTS;
        lastRefusal = null;
    }

    private static String text(Map<String, ?> values, String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    private static boolean flag(Map<String, ?> values, String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().strip().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw wrong(key, "true or false", v.toString());
        }
        return s.equals("true");
    }

    private static int number(Map<String, ?> values, String key, int fallback, int min, int max) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = v instanceof Number number ? number.longValue() : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw wrong(key, "a whole number from " + min + " to " + max, v.toString());
        }
        if (n < min || n > max) {
            throw wrong(key, "a whole number from " + min + " to " + max, v.toString());
        }
        return (int) n;
    }

    private static IllegalArgumentException wrong(String key, String expected, String given) {
        String shown = key.toLowerCase(Locale.ROOT).contains("password") ? "(not shown)" : "'" + given + "'";
        return new IllegalArgumentException(FILE + ": " + key + " must be " + expected + ", not " + shown + ".");
    }
}
