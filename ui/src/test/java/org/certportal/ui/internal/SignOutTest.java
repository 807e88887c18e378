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

    @Test
    void aGetSignsOutOnlyWithTheOneTimeTokenItsSessionHolds() {
        Map<String, Object> attributes = new java.util.HashMap<>();
        javax.servlet.http.HttpSession session = (javax.servlet.http.HttpSession) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] { javax.servlet.http.HttpSession.class },
                        (proxy, m, args) -> attributes.get((String) args[0]));
        com.vaadin.flow.server.WrappedSession wrapped = (com.vaadin.flow.server.WrappedSession) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] { com.vaadin.flow.server.WrappedSession.class },
                        (proxy, m, args) -> attributes.put((String) args[0], args[1]));
        String token = SignOut.newToken(wrapped);
        assertTrue(SignOut.hasToken(get(Map.of("token", token)), session));
        assertFalse(SignOut.hasToken(get(Map.of("token", token.substring(1))), session), "a guess");
        assertFalse(SignOut.hasToken(get(Map.of()), session), "no token: a plain link");
        assertFalse(SignOut.hasToken(get(Map.of("token", token)), null), "no session");
        String next = SignOut.newToken(wrapped);
        assertFalse(token.equals(next));
        assertFalse(SignOut.hasToken(get(Map.of("token", token)), session), "the earlier token no longer counts");
    }

    private static javax.servlet.http.HttpServletRequest get(Map<String, String> parameters) {
        return HttpHardeningTest.fake(Map.of(), parameters, "GET");
    }
}
