package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two portal nodes sharing one PostgreSQL behind HAProxy with the configuration the distribution ships
 * (haproxy/certportal.cfg), all on loopback and started once for the class; the steps run in order.
 * HAProxy ends TLS (a self-signed certificate made here) and refuses malformed requests; staff signed in
 * through it land on both nodes and stay there, WebSocket push included; settings saved on one node show on
 * the other; due schedules fire once across the two engines; a run whose node is killed (SIGKILL) is taken
 * over and finished by the other node, and the users of the dead node are asked to sign in again there.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TwoNodesBehindHaproxyIT {
    private static final int PG = 25439;
    private static final int HTTPS = 18643;
    private static final int HTTP = 18680;
    private static final String PROXY = "https://127.0.0.1:" + HTTPS;
    private static final List<Node> NODES = List.of(new Node("node1", new PortalCopy("node1", 18681, 18601, PG)),
            new Node("node2", new PortalCopy("node2", 18682, 18611, PG)));
    /** Applicants of the benchmark's cohort; half of them in the free certification the killed run certifies. */
    private static final int APPLICANTS = 6000;
    private static final Path PROXY_DIR = Path.of("target", "twonodes-haproxy").toAbsolutePath();

    private static Process haproxy;
    private static HttpClient https;
    /** One browser per node, by worker name. */
    private static final Map<String, WebDriver> BROWSERS = new java.util.TreeMap<>();
    private static String freeProgram;
    private static String feeProgram;

    /** A portal copy and its worker name, the suffix Jetty gives its session ids and HAProxy sticks on. */
    private record Node(String worker, PortalCopy copy) {
    }

    @BeforeClass
    public static void startNodesAndProxy() throws Exception {
        assertTrue("haproxy is missing: src/test/scripts/ensure-tools.sh installs it (Debian package haproxy)",
                new File("/usr/sbin/haproxy").canExecute());
        Path users = Path.of("target", "twonodes-users.properties").toAbsolutePath();
        Files.deleteIfExists(users);
        NODES.get(0).copy().startDatabase();
        for (Node n : NODES) {
            n.copy().unpack("?reWriteBatchedInserts=true");
            // the node's worker name, as bin/setenv documents it
            Files.writeString(n.copy().home().resolve("bin/setenv"), "\nexport JETTY_WORKER_INSTANCE="
                    + n.worker().substring("node".length()) + "\n", java.nio.file.StandardOpenOption.APPEND);
            n.copy().configure("org.ops4j.pax.web.cfg", "org.osgi.service.http.checkForwardedHeaders", "true");
            n.copy().configure("org.certportal.process.cfg", "nodeName", n.worker());
            // quick polls and takeover, small chunks: a kill lands in the middle of a run
            n.copy().configure("org.certportal.process.cfg", "pollSeconds", "1");
            n.copy().configure("org.certportal.process.cfg", "staleSeconds", "10");
            n.copy().configure("org.certportal.process.cfg", "chunkSize", "50");
            // one users file for both nodes (the first start writes the demo users)
            n.copy().configure("org.certportal.security.cfg", "usersFile", users.toString());
            n.copy().configure("org.certportal.security.cfg", "demoUsers", "true");
        }
        // the first node migrates the schema and makes the default schedules; then the second joins
        Node first = NODES.get(0);
        first.copy().firstStart();
        first.copy().await(Duration.ofSeconds(240), () -> first.copy().shell("process:list").contains("masscert"));
        Node second = NODES.get(1);
        second.copy().firstStart();
        first.copy().shell("feature:install certportal-bench");
        first.copy().await(Duration.ofSeconds(60), () -> first.copy().shell("certportal:masscert-benchmark --help")
                .contains("--prepare-only"));
        String prepared = first.copy().shell("certportal:masscert-benchmark --prepare-only --applicants " + APPLICANTS);
        Matcher m = Pattern.compile("prepared: free=(\\S+) fee=(\\S+) ").matcher(prepared);
        assertTrue(prepared, m.find());
        freeProgram = m.group(1);
        feeProgram = m.group(2);
        second.copy().await(Duration.ofSeconds(240), () -> second.copy().shell("process:list").contains("masscert"));
        startHaproxy();
    }

    @AfterClass
    public static void stopAll() throws Exception {
        BROWSERS.values().forEach(WebDriver::quit);
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        for (Node n : NODES) {
            n.copy().killIfRunning();
        }
        NODES.get(0).copy().stopDatabase();
    }

    @Test
    public void a_bothNodesBootWithoutAnError() {
        for (Node n : NODES) {
            List<String> errors = n.copy().log().lines().filter(l -> l.contains("| ERROR |")).toList();
            assertTrue(n.worker() + " logged errors: " + errors, errors.isEmpty());
        }
    }

    @Test
    public void b_theProxyEndsTlsAndRefusesMalformedRequests() throws Exception {
        HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + HTTP + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(301, plain.statusCode());
        assertEquals("https://127.0.0.1:" + HTTP + "/", plain.headers().firstValue("Location").orElse(""));

        HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(PROXY + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isPresent());
        // behind TLS the portal sees https (X-Forwarded-Proto) and marks its session cookie Secure
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse("");
        assertTrue(cookie, cookie.contains("Secure"));
        assertTrue(cookie, cookie.matches("JSESSIONID=[^;]*\\.node[12];.*"));

        long refusedBefore = refusedByProxy();
        assertEquals("a space in a header name", 400, rawStatus("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX Bad: 1\r\n\r\n"));
        assertEquals("a control character in the path", 400, rawStatus("GET /\u0001 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        assertEquals("two Host headers", 400, rawStatus("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));
        assertEquals("a method the portal never takes", 405, rawStatus("TRACE / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        assertEquals("a URL over 8 KiB", 400, rawStatus("GET /?" + "a".repeat(9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        // HAProxy answered them itself: each is logged with no server
        NODES.get(0).copy().await(Duration.ofSeconds(10), () -> refusedByProxy() == refusedBefore + 5);
    }

    @Test
    public void c_staffSignedInThroughTheProxyLandOnBothNodesAndStayThere() throws Exception {
        for (int i = 0; i < NODES.size(); i++) {
            WebDriver browser = Chromium.start(options -> {
                options.addArguments("--ignore-certificate-errors");
                LoggingPreferences logs = new LoggingPreferences();
                logs.enable(LogType.PERFORMANCE, Level.ALL);
                options.setCapability("goog:loggingPrefs", logs);
            });
            signIn(browser);
            String worker = worker(browser);
            assertFalse("the second browser's session landed on " + worker + " too", BROWSERS.containsKey(worker));
            BROWSERS.put(worker, browser);
        }
        for (Map.Entry<String, WebDriver> e : BROWSERS.entrySet()) {
            WebDriver browser = e.getValue();
            // Vaadin's push channel is a WebSocket: its upgrade passed the proxy (101; 200 over HTTP/2) and
            // the session's node sent frames through it
            List<String> network = browser.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                    .map(l -> l.getMessage()).toList();
            assertTrue("a WebSocket to /VAADIN/push", network.stream().anyMatch(msg -> msg.contains(
                    "Network.webSocketCreated") && msg.contains("/VAADIN/push")));
            assertTrue("its handshake answered", network.stream().anyMatch(msg -> msg.contains(
                    "Network.webSocketHandshakeResponseReceived") && msg.matches(".*\"status\":(101|200)[,}].*")));
            assertTrue("a frame came through it", network.stream().anyMatch(msg -> msg.contains(
                    "Network.webSocketFrameReceived")));
            // every request of the session goes to its node: pages keep showing signed in
            for (String route : List.of("settings", "processes", "")) {
                browser.get(PROXY + "/" + route);
                shown(browser, "sign-out");
            }
            assertEquals(e.getKey(), worker(browser));
        }
    }

    @Test
    public void d_settingsSavedOnOneNodeShowOnTheOther() throws Exception {
        WebDriver one = BROWSERS.get("node1");
        WebDriver two = BROWSERS.get("node2");
        one.get(PROXY + "/settings");
        WebElement days = shown(one, "settings-expiring-days").findElement(By.cssSelector("input"));
        String before = days.getAttribute("value");
        String after = String.valueOf(before == null || before.isBlank() ? 47 : Integer.parseInt(before) + 1);
        days.sendKeys(Keys.chord(Keys.CONTROL, "a"), after, Keys.TAB);
        shown(one, "settings-save").click();
        waitFor(one, d -> "Settings".equals(d.findElement(By.id("settings-title")).getText())
                && NODES.get(0).copy().sqlText("SELECT setting_value FROM org_setting WHERE name = 'expiringNoticeDays'")
                        .equals(after));
        two.get(PROXY + "/settings");
        waitFor(two, d -> after.equals(d.findElement(By.cssSelector("#settings-expiring-days input"))
                .getAttribute("value")));
    }

    @Test
    public void e_dueSchedulesFireOnceAcrossTheNodes() throws Exception {
        PortalCopy first = NODES.get(0).copy();
        assertEquals("the daily expiry was scheduled once by the two starts", 1, first.sqlLong(
                "SELECT COUNT(*) FROM process_schedule WHERE type_id = 'tracking-expiry'"));
        // due at once (a time of this minute), in both engines' next rounds
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        int schedules = 3;
        for (int i = 0; i < schedules; i++) {
            // a check that reports only, of the fee certification's 3,000 applicants (the run after this certifies
            // the free one's)
            String answer = first.shell("process:schedule --zone UTC --at '" + now + "' enrollments-consistency"
                    + " program=" + feeProgram);
            assertTrue(answer, answer.toLowerCase().contains("schedule"));
        }
        String ofSchedules = " FROM process_run WHERE schedule_id IN (SELECT id FROM process_schedule WHERE type_id ="
                + " 'enrollments-consistency')";
        first.await(Duration.ofSeconds(120), () -> first.sqlLong("SELECT COUNT(*) FROM process_schedule WHERE type_id"
                + " = 'enrollments-consistency' AND state = 'DONE'") == schedules
                && first.sqlLong("SELECT COUNT(*)" + ofSchedules + " AND state = 'COMPLETED'") == schedules);
        assertEquals("one run a schedule", schedules, first.sqlLong("SELECT COUNT(*)" + ofSchedules));
        assertEquals("one run a schedule", schedules, first.sqlLong("SELECT COUNT(DISTINCT schedule_id)" + ofSchedules));
    }

    @Test
    public void f_aRunWhoseNodeIsKilledGoesOnOnTheOtherNode() throws Exception {
        PortalCopy first = NODES.get(0).copy();
        int free = APPLICANTS / 2;
        for (WebDriver browser : BROWSERS.values()) {
            browser.get(PROXY + "/processes");
            shown(browser, "active-runs-none");
        }
        String started = first.shell("process:run masscert program=" + freeProgram + " send-email=yes");
        assertTrue(started, started.contains("queued"));
        String run = " FROM process_run WHERE type_id = 'masscert'";
        first.await(Duration.ofSeconds(300), () -> first.sqlLong("SELECT done_count" + run) > 0);
        String owner = first.sqlText("SELECT owner" + run);
        Node victim = NODES.stream().filter(n -> owner.startsWith(n.worker() + "#")).findFirst()
                .orElseThrow(() -> new AssertionError("the run's owner is no node: " + owner));
        Node survivor = NODES.stream().filter(n -> n != victim).findFirst().orElseThrow();
        // the Process Center of either node shows the run, wherever it executes (the view reads the database)
        for (WebDriver browser : BROWSERS.values()) {
            waitFor(browser, d -> !d.findElements(By.cssSelector("[id^=active-run-]")).isEmpty());
        }
        victim.copy().kill();
        long doneAtKill = first.sqlLong("SELECT done_count" + run);
        assertTrue("the kill came mid-run: " + doneAtKill + " of " + free, doneAtKill < free);

        first.await(Duration.ofSeconds(600), () -> first.sqlLong("SELECT COUNT(*)" + run + " AND state = 'COMPLETED'")
                == 1);
        assertTrue("the survivor took the run over", survivor.copy().log().contains("was left running by "
                + victim.worker() + "#"));
        assertEquals("every row done once", free, first.sqlLong("SELECT done_count" + run));
        assertEquals(free, first.sqlLong("SELECT COUNT(*) FROM enrollment WHERE status = 'ACTIVE'"));
        assertEquals("each approved once", free, first.sqlLong("SELECT COUNT(*) FROM audit_entry WHERE"
                + " entity_type = 'completion' AND action = 'approved'"));
        assertEquals("one email per applicant", free, first.sqlLong("SELECT COUNT(*) FROM mail_outbox WHERE"
                + " recipient LIKE 'applicant%'"));
        assertEquals("no one emailed twice", free, first.sqlLong("SELECT COUNT(DISTINCT recipient) FROM mail_outbox"
                + " WHERE recipient LIKE 'applicant%'"));

        shown(BROWSERS.get(survivor.worker()), "active-runs-none");

        // the dead node's users: their session died with it, the survivor asks them to sign in
        WebDriver orphaned = BROWSERS.get(victim.worker());
        orphaned.get(PROXY + "/");
        shown(orphaned, "username");
        signIn(orphaned);
        assertEquals(survivor.worker(), worker(orphaned));
    }

    private static void startHaproxy() throws Exception {
        Files.createDirectories(PROXY_DIR);
        Path key = PROXY_DIR.resolve("key.pem");
        Path cert = PROXY_DIR.resolve("cert.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString());
        Path pem = PROXY_DIR.resolve("certportal.pem");
        Files.writeString(pem, Files.readString(cert) + Files.readString(key));
        // the shipped file, with this machine's addresses, certificate, log and socket
        String shipped = Files.readString(NODES.get(0).copy().home().resolve("haproxy/certportal.cfg"));
        Map<String, String> local = new java.util.LinkedHashMap<>();
        local.put("    log /dev/log local0", "    log stdout format raw local0");
        local.put("stats socket /run/haproxy/admin.sock", "stats socket " + PROXY_DIR.resolve("admin.sock"));
        local.put("bind :443 ssl crt /etc/haproxy/certs/certportal.pem", "bind 127.0.0.1:" + HTTPS + " ssl crt " + pem);
        local.put("bind :80\n", "bind 127.0.0.1:" + HTTP + "\n");
        local.put("server node1 10.0.0.11:8181", "server node1 127.0.0.1:18681");
        local.put("server node2 10.0.0.12:8181", "server node2 127.0.0.1:18682");
        if (!"root".equals(System.getProperty("user.name"))) {
            // only root may change user and root directory; CI runs as root with the shipped lines
            local.put("    chroot /var/lib/haproxy\n    user haproxy\n    group haproxy\n", "");
        }
        String config = shipped;
        for (Map.Entry<String, String> e : local.entrySet()) {
            assertTrue("haproxy/certportal.cfg no longer has: " + e.getKey(), config.contains(e.getKey()));
            config = config.replace(e.getKey(), e.getValue());
        }
        Path cfg = PROXY_DIR.resolve("haproxy.cfg");
        Files.writeString(cfg, config);
        run("haproxy", "-c", "-f", cfg.toString());
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", cfg.toString()).redirectErrorStream(true)
                .redirectOutput(PROXY_DIR.resolve("haproxy.log").toFile()).start();

        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(cert))) {
            trusted.setCertificateEntry("proxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        https = HttpClient.newBuilder().sslContext(tls).build();
        NODES.get(0).copy().await(Duration.ofSeconds(30), () -> {
            try {
                // a node answers through the proxy (HAProxy answers 503 while it has none)
                return https.send(HttpRequest.newBuilder(URI.create(PROXY + "/sign-out")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 302;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
    }

    /** Requests HAProxy answered without a portal node: its log names no server for them. */
    private static long refusedByProxy() {
        try {
            return Files.readString(PROXY_DIR.resolve("haproxy.log")).lines().filter(l -> l.contains("<NOSRV>")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The status HAProxy answers to a request written as is on a TLS connection. */
    private static int rawStatus(String request) throws Exception {
        SSLContext context = https.sslContext();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", HTTPS)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
            assertTrue(answer, answer.startsWith("HTTP/1.1 "));
            return Integer.parseInt(answer.substring(9, 12));
        }
    }

    private static void signIn(WebDriver browser) {
        browser.get(PROXY + "/");
        shown(browser, "username").findElement(By.cssSelector("input")).sendKeys("sysadmin");
        browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
        browser.findElement(By.id("sign-in")).click();
        shown(browser, "welcome");
    }

    /** The node holding the browser's session: the worker name Jetty put at the end of its id. */
    private static String worker(WebDriver browser) {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        assertTrue("no session cookie", session != null);
        Set<String> workers = NODES.stream().map(Node::worker).collect(Collectors.toSet());
        String worker = session.getValue().substring(session.getValue().lastIndexOf('.') + 1);
        assertTrue(session.getValue(), workers.contains(worker));
        return worker;
    }

    private static WebElement shown(WebDriver browser, String id) {
        WebElement[] found = new WebElement[1];
        waitFor(browser, d -> (found[0] = d.findElements(By.id(id)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null)) != null);
        return found[0];
    }

    private static void waitFor(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        try {
            wait.until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Chromium.screenshot(browser);
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + "; page: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(String.join(" ", command) + ": " + out, p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0);
    }
}
