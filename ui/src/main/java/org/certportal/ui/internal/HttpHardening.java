package org.certportal.ui.internal;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * What every answer of the portal carries, and the requests it refuses before Vaadin reads them.
 * The content security policy allows what Vaadin Flow's client needs (its bootstrap is an inline
 * script and {@code executeJs} evaluates code) and nothing from elsewhere; no other site may frame
 * the portal.
 */
final class HttpHardening {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'"
            + " 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private HttpHardening() {
    }

    static void secureHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }

    /**
     * Why Vaadin would fail on the request with an internal error (and a long stack trace in the
     * log), or empty when it may go on.
     */
    static Optional<String> malformed(HttpServletRequest request) {
        String uiId = request.getParameter("v-uiId");
        if (uiId != null && !uiId.matches("\\d{1,9}")) {
            return Optional.of("v-uiId must be a number");
        }
        return Optional.empty();
    }
}
