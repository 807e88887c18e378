package org.certportal.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class HttpHardeningTest {
    private static final String GOOD = "{\"csrfToken\":\"7a77\",\"rpc\":[{\"type\":\"event\",\"node\":5,\"event\":"
            + "\"click\"}],\"syncId\":3,\"clientId\":3}";

    @Test
    void aMessageOfTheShapeVaadinReadsPasses() {
        assertEquals(Optional.empty(), HttpHardening.malformedUidl(GOOD));
        assertEquals(Optional.empty(), HttpHardening.malformedUidl("{\"csrfToken\":\"k\",\"rpc\":[],\"syncId\":0,"
                + "\"clientId\":0}"));
    }

    @Test
    void messagesVaadinWouldLogAsErrorsAreRefusedWithTheReason() {
        assertEquals(Optional.of("the message is no JSON"), HttpHardening.malformedUidl("{bad"));
        assertEquals(Optional.of("the message is no JSON"), HttpHardening.malformedUidl(""));
        assertEquals(Optional.of("the message is no JSON"), HttpHardening.malformedUidl("[]"), "not an object");
        assertEquals(Optional.of("the message is no JSON"), HttpHardening.malformedUidl("42"));
        String lacks = "the message lacks csrfToken, syncId, clientId or rpc of their types";
        assertEquals(Optional.of(lacks), HttpHardening.malformedUidl("{\"rpc\":[],\"syncId\":0,\"clientId\":0}"));
        assertEquals(Optional.of(lacks), HttpHardening.malformedUidl(GOOD.replace("\"syncId\":3", "\"syncId\":\"a\"")));
        assertEquals(Optional.of(lacks), HttpHardening.malformedUidl(GOOD.replace("\"clientId\":3", "\"clientId\":null")));
        assertEquals(Optional.of(lacks), HttpHardening.malformedUidl(GOOD.replace("[{\"type\":\"event\",\"node\":5,"
                + "\"event\":\"click\"}]", "\"x\"")));
        assertEquals(Optional.of("call 0 is no object with a type"),
                HttpHardening.malformedUidl(GOOD.replace("\"type\":\"event\",", "")));
        assertEquals(Optional.of("call 1 is no object with a type"),
                HttpHardening.malformedUidl(GOOD.replace("}],", "},7],")));
        assertEquals(Optional.of("call 0 names a node that is no number"),
                HttpHardening.malformedUidl(GOOD.replace("\"node\":5", "\"node\":\"x\"")));
    }

    @Test
    void aUiIdMustBeANumber() {
        assertEquals(Optional.empty(), HttpHardening.malformed(request(Map.of("v-uiId", "999"))));
        assertEquals(Optional.empty(), HttpHardening.malformed(request(Map.of())));
        assertTrue(HttpHardening.malformed(request(Map.of("v-uiId", "abc"))).isPresent());
        assertTrue(HttpHardening.malformed(request(Map.of("v-uiId", "99999999999"))).isPresent(), "past an int");
        assertTrue(HttpHardening.malformed(request(Map.of("v-uiId", "-1"))).isPresent());
    }

    @Test
    void clientTextGoesIntoTheLogOnOneShortLine() {
        assertEquals("a?b?c", HttpHardening.printable("a\nb\rc"));
        assertEquals("none", HttpHardening.printable(null));
        String longText = HttpHardening.printable("x".repeat(5000));
        assertEquals(203, longText.length());
        assertFalse(HttpHardening.printable("\u001b[31mred").contains("\u001b"));
    }

    @Test
    void everyAnswerForbidsFramingSniffingAndOtherOrigins() {
        String csp = HttpHardening.CONTENT_SECURITY_POLICY;
        assertTrue(csp.contains("frame-ancestors 'none'"));
        assertTrue(csp.contains("default-src 'self'"));
        assertTrue(csp.contains("object-src 'none'"));
        assertFalse(csp.contains("*"), "no wildcard source");
    }

    /** A request with the parameters given, and nothing else. */
    static HttpServletRequest request(Map<String, String> parameters) {
        return fake(Map.of(), parameters, "GET");
    }

    static HttpServletRequest fake(Map<String, String> headers, Map<String, String> parameters, String method) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpHardeningTest.class.getClassLoader(),
                new Class<?>[] { HttpServletRequest.class }, (proxy, m, args) -> switch (m.getName()) {
                case "getParameter" -> parameters.get((String) args[0]);
                case "getHeader" -> headers.get((String) args[0]);
                case "getMethod" -> method;
                default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
