package org.certportal.security.api.config;

import java.util.Locale;
import java.util.Map;

/**
 * The values of one CertPortal configuration file as Configuration Admin hands them over (text from
 * the file, typed values from elsewhere), read key by key. A malformed or out-of-range value throws
 * {@link IllegalArgumentException} with a sentence naming the file and the key (a password's value is
 * never shown), so an area checks its whole file before it uses any of it.
 */
public final class ConfigValues {
    private final String file;
    private final Map<String, ?> values;

    /** @param pid the configuration's pid: its file is etc/PID.cfg */
    public ConfigValues(String pid, Map<String, ?> values) {
        this.file = "etc/" + pid + ".cfg";
        this.values = values;
    }

    /** The file, as named in every refusal. */
    public String file() {
        return file;
    }

    /** The value exactly as written (a password keeps its spaces), or the fallback when the key is absent. */
    public String raw(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }

    /** The value without surrounding spaces, or the fallback when the key is absent. */
    public String text(String key, String fallback) {
        return raw(key, fallback).strip();
    }

    /** A whole number from min to max; absent or empty: the fallback. */
    public int number(String key, int fallback, int min, int max) {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        long n;
        try {
            n = v instanceof Number number ? number.longValue() : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw wrong(key, "a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw wrong(key, "a whole number from " + min + " to " + max);
        }
        return (int) n;
    }

    /** true or false (any case); absent or empty: the fallback. */
    public boolean flag(String key, boolean fallback) {
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v == null ? "" : v.toString().strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return fallback;
        }
        if (!s.equals("true") && !s.equals("false")) {
            throw wrong(key, "true or false");
        }
        return s.equals("true");
    }

    /** "FILE: KEY must be EXPECTED, not 'VALUE'." (a password's value not shown) */
    public IllegalArgumentException wrong(String key, String expected) {
        String given = key.toLowerCase(Locale.ROOT).contains("password") ? "(not shown)"
                : "'" + raw(key, "") + "'";
        return refused(key + " must be " + expected + ", not " + given + ".");
    }

    /** "FILE: SENTENCE", for a rule between keys. */
    public IllegalArgumentException refused(String sentence) {
        return new IllegalArgumentException(file + ": " + sentence);
    }
}
