package org.certportal.accounting.internal;

import java.util.Locale;

/** A batch's name: given, at most 100 characters, unique in any case (the stored key is lower case). */
final class BatchNames {
    static final int MAX_LENGTH = 100;

    private BatchNames() {
    }

    static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A batch needs a name.");
        }
        String s = name.strip();
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("A batch's name may have at most " + MAX_LENGTH + " characters.");
        }
        return s;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
