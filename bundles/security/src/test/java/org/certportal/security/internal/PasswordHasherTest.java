package org.certportal.security.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse".toCharArray());
        assertTrue(hasher.verify("correct horse".toCharArray(), hash));
        assertFalse(hasher.verify("correct horsE".toCharArray(), hash));
        assertFalse(hash.contains("correct"), "the hash must not contain the password");
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same-password".toCharArray()), hasher.hash("same-password".toCharArray()));
    }

    @Test
    void rejectsMalformedHashes() {
        assertFalse(hasher.verify("x".toCharArray(), null));
        assertFalse(hasher.verify("x".toCharArray(), "plain-text"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2-sha256$abc$AAAA$AAAA"));
        assertFalse(hasher.verify("x".toCharArray(), "pbkdf2-sha256$1000$!!$AAAA"));
    }

    @Test
    void verifiesHashesMadeWithOtherIterationCounts() {
        String old = new PasswordHasher(500).hash("long-lived".toCharArray());
        assertTrue(hasher.verify("long-lived".toCharArray(), old));
    }
}
