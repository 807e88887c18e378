package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * Raw HTTP against the started distribution, as an anonymous client on the network would send it:
 * the headers every answer carries, the session cookie's attributes, malformed Vaadin requests and
 * sign-out requests another site could make.
 */
public class HttpHardeningIT {
    private static final String URL = System.getProperty("certportal.portal.url", "http://localhost:18181");
    private static final Path LOG = Path.of(System.getProperty("certportal.portal.home", "target/portal"), "data",
            "log", "karaf.log");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    public void everyAnswerForbidsFramingSniffingAndForeignScriptAndTheCookieIsSameSite() throws Exception {
        HttpResponse<String> login = get("/login", "X-Probe", "1");
        assertEquals(200, login.statusCode());
        String csp = header(login, "Content-Security-Policy");
        assertTrue(csp, csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'")
                && csp.contains("object-src 'none'"));
        assertEquals("DENY", header(login, "X-Frame-Options"));
        assertEquals("nosniff", header(login, "X-Content-Type-Options"));
        String cookie = sessionCookie(login);
        assertTrue(cookie, cookie.contains("SameSite=Lax") && cookie.contains("HttpOnly"));
        assertFalse("plain HTTP: the browser must send the cookie back", cookie.contains("Secure"));
        HttpResponse<String> script = get("/VAADIN/build/" + firstScript(login.body()));
        assertEquals(200, script.statusCode());
        assertEquals("nosniff", header(script, "X-Content-Type-Options"));
    }

    @Test
    public void behindAProxyEndingTlsTheSessionCookieIsSecure() throws Exception {
        // the test portal trusts forwarded headers, as a portal behind its reverse proxy does
        HttpResponse<String> login = get("/login", "X-Forwarded-Proto", "https");
        String cookie = sessionCookie(login);
        assertTrue(cookie, cookie.contains("Secure") && cookie.contains("SameSite=Lax"));
    }

    @Test
    public void malformedVaadinRequestsAreBadRequestsWithOneShortLogLineEach() throws Exception {
        HttpResponse<String> login = get("/login");
        String cookie = sessionCookie(login).split(";")[0];
        HttpResponse<String> init = send(HttpRequest.newBuilder(URI.create(URL + "/?v-r=init&location=login&query="))
                .header("Cookie", cookie).GET());
        assertEquals(200, init.statusCode());
        String key = match(init.body(), "\"Vaadin-Security-Key\":\"([^\"]+)\"");
        String ui = match(init.body(), "\"v-uiId\":(\\d+)");
        long linesBefore = logLines().size();

        List<String> bodies = List.of("{bad", "[]", "{\"csrfToken\":\"" + key + "\",\"rpc\":\"x\",\"syncId\":0,\"clientId\":0}",
                "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":\"x\"}],\"syncId\":0,\"clientId\":0}",
                "{\"csrfToken\":\"" + key + "\",\"syncId\":\"a\",\"rpc\":[],\"clientId\":0}");
        for (String body : bodies) {
            assertEquals(body, 400, uidl(cookie, ui, body).statusCode());
        }
        assertEquals(400, post(cookie, "/?v-r=heartbeat&v-uiId=abc").statusCode());
        assertEquals(400, post(cookie, "/?v-r=uidl&v-uiId=" + "9".repeat(12)).statusCode());
        int unknownUi = post(cookie, "/?v-r=heartbeat&v-uiId=999").statusCode();
        assertTrue("a heartbeat for a UI the session does not have: " + unknownUi, unknownUi >= 400 && unknownUi < 500);
        int anonymous = post(null, "/?v-r=heartbeat&v-uiId=999").statusCode();
        assertTrue("a heartbeat without a session: " + anonymous, anonymous >= 400 && anonymous < 500);
        // well formed but out of order: Vaadin refuses it, and the portal logs it as the client's error
        String outOfOrder = "{\"csrfToken\":\"" + key + "\",\"rpc\":[],\"syncId\":41,\"clientId\":41}";
        assertEquals(200, uidl(cookie, ui, outOfOrder).statusCode());

        awaitLog(linesBefore, lines -> lines.stream().filter(l -> l.contains("Refused a malformed request from"))
                .count() >= bodies.size() + 2 && lines.stream().anyMatch(l -> l.contains("Refused a message")));
        List<String> all = logLines();
        List<String> added = all.subList((int) linesBefore, all.size());
        assertTrue(String.join("\n", added), added.stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("ERROR")));
        long refused = added.stream().filter(l -> l.contains("Refused a malformed request from")).count();
        assertEquals(String.join("\n", added), bodies.size() + 2, refused);
        assertTrue(String.join("\n", added), added.stream().anyMatch(l -> l.contains("Refused a message Vaadin could"
                + " not apply")));
    }

    @Test
    public void signingOutTakesAPostFromThePortalsOwnPage() throws Exception {
        HttpResponse<String> viaLink = send(HttpRequest.newBuilder(URI.create(URL + "/sign-out")).GET());
        assertEquals("a GET signs no one out: without a session it leads to the sign-in page", 302,
                viaLink.statusCode());
        assertTrue(header(viaLink, "Location").endsWith("/login"));
        String cookie = sessionCookie(get("/login")).split(";")[0];
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(URL + "/sign-out")).header("Cookie",
                cookie).header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals("posted by another site's page", 403, foreign.statusCode());
        HttpResponse<String> own = send(HttpRequest.newBuilder(URI.create(URL + "/sign-out")).header("Cookie", cookie)
                .header("Origin", URL).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(303, own.statusCode());
        assertTrue(header(own, "Location").endsWith("/login"));
        assertTrue("the session cookie is dropped", own.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("JSESSIONID=;") || c.contains("Max-Age=0")));
    }

    @Test
    public void aFailedSshSignInIsLoggedWithTheClientsAddress() throws Exception {
        KarafClient karaf = KarafClient.fromSystemProperties();
        Process client = new ProcessBuilder(new java.io.File(karaf.home(), "bin/client").getPath(), "-a",
                System.getProperty("certportal.portal.sshPort"), "-u", "intruder", "-p", "guess-1", "-r", "1", "-b")
                .redirectErrorStream(true).start();
        client.getOutputStream().close();
        String said = new String(client.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(said, client.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(said, awaitLog(0, added -> added.stream()
                .anyMatch(l -> l.contains("Authentication failed - intruder - ssh(/127.0.0.1:"))));
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    private HttpResponse<String> post(String cookie, String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(URL + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    private HttpResponse<String> uidl(String cookie, String ui, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(URL + "/?v-r=uidl&v-uiId=" + ui)).header("Cookie", cookie)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    private static String firstScript(String page) {
        return match(page, "VAADIN/build/([^\"]+\\.js)");
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(regex + " in " + text.substring(0, Math.min(400, text.length())), m.find());
        return m.group(1);
    }

    /** Whether the log lines written after the first {@code from} come to pass the check within 10 s. */
    private static boolean awaitLog(long from, java.util.function.Predicate<List<String>> check)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<String> all = logLines();
            if (check.test(all.subList((int) Math.min(from, all.size()), all.size()))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100); // the log is written by its own thread
        }
    }

    private static List<String> logLines() throws IOException {
        return Files.readAllLines(LOG);
    }
}
