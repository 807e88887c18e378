package org.certportal.ui.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SignOutTest {
    @Test
    void aPostFromThePortalsOwnPageSignsOut() {
        assertTrue(SignOut.fromOwnPage(post(Map.of("Origin", "http://localhost:8181", "Host", "localhost:8181"))));
        assertTrue(SignOut.fromOwnPage(post(Map.of("Origin", "https://portal.example.org",
                "Host", "portal.example.org"))), "behind a proxy ending TLS: the host decides, not the scheme");
        assertTrue(SignOut.fromOwnPage(post(Map.of("Host", "localhost:8181"))),
                "no origin: the SameSite cookie keeps other sites out");
    }

    @Test
    void aPostFromAnotherSitesPageIsRefused() {
        assertFalse(SignOut.fromOwnPage(post(Map.of("Origin", "http://evil.example", "Host", "localhost:8181"))));
        assertFalse(SignOut.fromOwnPage(post(Map.of("Origin", "http://localhost:9999", "Host", "localhost:8181"))));
        assertFalse(SignOut.fromOwnPage(post(Map.of("Origin", "null", "Host", "localhost:8181"))),
                "a sandboxed or local page");
        assertFalse(SignOut.fromOwnPage(post(Map.of("Origin", "http://a b", "Host", "localhost:8181"))));
        assertFalse(SignOut.fromOwnPage(post(Map.of("Origin", "http://localhost:8181"))), "no host");
    }

    private static javax.servlet.http.HttpServletRequest post(Map<String, String> headers) {
        return HttpHardeningTest.fake(headers, Map.of(), "POST");
    }
}
