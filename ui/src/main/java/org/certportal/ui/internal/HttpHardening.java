package org.certportal.ui.internal;

import java.util.Optional;

import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonException;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;

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
    /** A page's message to the server carries what its user typed: far less than this. */
    static final int MAX_UIDL_BYTES = 8 * 1024 * 1024;

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

    /** Whether the request is a message of Vaadin's client to a UI, whose body {@link #malformedUidl} reads. */
    static boolean isUidl(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "uidl".equals(request.getParameter("v-r"));
    }

    /**
     * Why the body of a message of Vaadin's client is no such message, or empty when it has the
     * shape Vaadin reads (a JSON object with the CSRF token, the sync and client ids and a list of
     * calls, each naming its type). Vaadin logs the others as errors with a stack trace each.
     */
    static Optional<String> malformedUidl(String body) {
        JsonValue message;
        try {
            message = Json.parse(body);
        } catch (JsonException | ClassCastException | IndexOutOfBoundsException e) {
            return Optional.of("the message is no JSON");
        }
        if (message == null || message.getType() != JsonType.OBJECT) {
            return Optional.of("the message is no JSON object");
        }
        JsonObject m = (JsonObject) message;
        if (!has(m, "csrfToken", JsonType.STRING) || !has(m, "syncId", JsonType.NUMBER)
                || !has(m, "clientId", JsonType.NUMBER) || !has(m, "rpc", JsonType.ARRAY)) {
            return Optional.of("the message lacks csrfToken, syncId, clientId or rpc of their types");
        }
        JsonArray calls = m.getArray("rpc");
        for (int i = 0; i < calls.length(); i++) {
            JsonValue call = calls.get(i);
            if (call == null || call.getType() != JsonType.OBJECT || !has((JsonObject) call, "type", JsonType.STRING)) {
                return Optional.of("call " + i + " is no object with a type");
            }
            JsonObject c = (JsonObject) call;
            if (c.hasKey("node") && c.get("node").getType() != JsonType.NUMBER) {
                return Optional.of("call " + i + " names a node that is no number");
            }
        }
        return Optional.empty();
    }

    private static boolean has(JsonObject object, String key, JsonType type) {
        return object.hasKey(key) && object.get(key) != null && object.get(key).getType() == type;
    }

    /** A client's text made safe for one log line: no line breaks, no control characters, not too long. */
    static String printable(String text) {
        if (text == null) {
            return "none";
        }
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
