package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.certportal.credentials.api.CredentialStatus;
import org.junit.jupiter.api.Test;

class RevocationRulesTest {
    private static final String N = "HSD-2026-0000101-38";

    @Test
    void onlyAnAwardedCredentialIsRevoked() {
        assertEquals(Optional.empty(), RevocationRules.refuseRevoke(N, CredentialStatus.AWARDED, null));
        assertEquals(Optional.of(N + " is already revoked."), RevocationRules.refuseRevoke(N,
                CredentialStatus.REVOKED, null));
        String superseded = RevocationRules.refuseRevoke(N, CredentialStatus.SUPERSEDED, "HSD-2026-0000102-11")
                .orElseThrow();
        assertTrue(superseded.contains("superseded by HSD-2026-0000102-11; revoke the credential that replaced it"),
                superseded);
    }

    @Test
    void onlyAnAwardedCredentialIsReissuedNeverARevokedOne() {
        assertEquals(Optional.empty(), RevocationRules.refuseReissue(N, CredentialStatus.AWARDED, null));
        assertTrue(RevocationRules.refuseReissue(N, CredentialStatus.REVOKED, null).orElseThrow()
                .contains("a revoked credential is not reissued"));
        assertTrue(RevocationRules.refuseReissue(N, CredentialStatus.SUPERSEDED, null).orElseThrow()
                .contains("reissue the credential that replaced it"));
    }

    @Test
    void aReasonIsOneLineOfAtMost500Characters() {
        assertEquals("Annulled", RevocationRules.reason("  Annulled "));
        assertEquals("A reason is required.", assertThrows(IllegalArgumentException.class,
                () -> RevocationRules.reason(" ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RevocationRules.reason(null));
        assertThrows(IllegalArgumentException.class, () -> RevocationRules.reason("two\nlines"));
        assertEquals(500, RevocationRules.reason("x".repeat(500)).length());
        assertThrows(IllegalArgumentException.class, () -> RevocationRules.reason("x".repeat(501)));
    }
}
