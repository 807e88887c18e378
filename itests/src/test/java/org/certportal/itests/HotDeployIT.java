package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hot deploy disturbs nothing else. A distribution of its own is booted (so its whole log can be
 * judged); while a Certification Admin works in Contacts and a consistency check runs, the
 * certification areas are uninstalled top down and installed again bottom up. The open page keeps
 * working, the run completes, no platform bundle is stopped, refreshed or replaced, and neither the
 * boot nor any of this logs an ERROR or a WARN.
 */
public class HotDeployIT {
    private static final int HTTP = 18281;
    private static final int SSH = 18201;
    private static final String URL = "http://localhost:" + HTTP;
    private static final Path HOME = Path.of("target", "hot-deploy-portal").toAbsolutePath();
    /**
     * The feature areas, top down: each before what it builds on. The distribution boots them by name,
     * each after what it builds on (see karaf-assembly), so this is that list reversed.
     */
    private static List<String> areas;
    /** Menu entries of the areas, which the open page loses and regains live (those the user may see). */
    private static final List<String> AREA_MENU = List.of("nav-approvals", "nav-enrollments", "nav-programs",
            "nav-tracking");
    /** What the areas run on: none of these may stop or change while an area comes or goes. */
    private static final List<String> PLATFORM = List.of("org.certportal.persistence", "org.certportal.process",
            "org.certportal.security", "org.certportal.ui", "org.certportal.ui.spi", "org.certportal.mail",
            "org.certportal.audit", "org.certportal.settings", "org.certportal.contacts", "org.apache.aries.jpa.",
            "org.eclipse.persistence.", "javax.persistence");

    /**
     * What Karaf's management (JMX) stack says when it restarts in one JVM, which happens at some boots
     * only (its configuration arrives after it started): the management bundle finds the property it
     * set itself the first time, and Aries JMX finds its notification dispatcher shut down. Nobody can
     * act on either.
     */
    private static final List<String> KARAF_MANAGEMENT_RESTART_NOTICES = List.of(
            "java.rmi.server.hostname system property is already set",
            "Task rejected for JMX Notification dispatch");

    private static KarafClient karaf;
    private WebDriver browser;

    @BeforeClass
    public static void bootOwnPortal() throws Exception {
        portal("start");
        karaf = new KarafClient(HOME.toString(), String.valueOf(SSH));
        areas = areasTopDown(Files.readAllLines(HOME.resolve("etc/org.apache.karaf.features.cfg")));
        assertTrue("areas booted by name: " + areas, areas.containsAll(List.of("certportal-completions",
                "certportal-enrollments", "certportal-programs")));
        // the areas are booted by name after the platform: wait until the boot has provisioned them all
        await(Duration.ofSeconds(120), () -> {
            String installed = run("feature:list -i --no-format");
            return areas.stream().allMatch(installed::contains);
        });
    }

    @AfterClass
    public static void stopOwnPortal() throws Exception {
        portal("stop");
    }

    @Test
    public void areasComeAndGoWhileAUserWorksElsewhereAndARunGoesOn() throws Exception {
        // enough enrollments that the check is still going when the first area goes
        String demo = run("certportal:demo-data --seed 5 contacts=10000 programs=4 enrollments=30000");
        assertFalse(demo, demo.contains("Error executing command"));

        browser = Chromium.start();
        try {
            signInToContacts("certadmin");
            // a page that reloads loses this; an undisturbed one keeps it
            js("window.hotDeployMarker = 'still here';");
            List<String> menu = AREA_MENU.stream().filter(id -> !browser.findElements(By.id(id)).isEmpty()).toList();
            Map<String, String> platformBefore = platformBundles();
            int logBefore = log().size();

            String queued = run("process:run enrollments-consistency");
            Matcher m = Pattern.compile("Run (\\d+) of enrollments-consistency queued").matcher(queued);
            assertTrue(queued, m.find());
            String runId = m.group(1);

            for (String area : areas) {
                String out = run("feature:uninstall " + area);
                assertFalse(out, out.contains("Error executing command"));
                if (area.equals(areas.get(0))) {
                    assertTrue("the check ended before the first area went: give it more enrollments",
                            runState(runId).matches("(?s).*State:\\s+(running|queued).*"));
                }
            }
            // the open page learns by push that the areas' views are gone
            pageUntil(d -> menu.stream().allMatch(id -> d.findElements(By.id(id)).isEmpty()));
            for (String area : reversed(areas)) {
                String out = run("feature:install " + area);
                assertFalse(out, out.contains("Error executing command"));
            }
            pageUntil(d -> menu.stream().allMatch(id -> !d.findElements(By.id(id)).isEmpty()));

            // the run paused while its process type was away and went on when it came back
            await(Duration.ofSeconds(180), () -> runState(runId).matches("(?s).*State:\\s+(completed|failed|cancelled).*"));
            String done = runState(runId);
            Matcher progress = Pattern.compile("Progress:\\s+(\\d+) of (\\d+) rows .*failed (\\d+)").matcher(done);
            assertTrue(done, done.matches("(?s).*State:\\s+completed.*") && progress.find());
            assertEquals(done, progress.group(2), progress.group(1));
            assertEquals(done, "0", progress.group(3));

            // the page is the same page, and the server still answers its clicks
            assertEquals("still here", js("return window.hotDeployMarker;"));
            browser.findElement(By.id("nav-home")).click();
            pageUntil(d -> !d.findElements(By.id("welcome")).isEmpty());
            browser.findElement(By.id("nav-contacts")).click();
            pageUntil(d -> !d.findElements(By.id("contacts-title")).isEmpty());
            assertEquals("moved between views without a reload", "still here", js("return window.hotDeployMarker;"));
            String page = browser.findElement(By.tagName("body")).getText();
            for (String trouble : List.of("Session expired", "Internal error", "Server connection lost")) {
                assertFalse(page, page.contains(trouble));
            }

            assertEquals("platform bundles keep their ids and stay active", platformBefore, platformBundles());
            List<String> log = log();
            assertEquals("platform bundles stopped, refreshed or started by the features service", Set.of(),
                    platformBundlesTouched(log.subList(logBefore, log.size())));
        } finally {
            browser.quit();
        }
        assertEquals("ERROR and WARN lines of the boot and the hot deploys", List.of(),
                log().stream().filter(l -> l.contains("| ERROR |") || l.contains("| WARN  |"))
                        .filter(l -> KARAF_MANAGEMENT_RESTART_NOTICES.stream().noneMatch(l::contains)).toList());
    }

    private static List<String> log() throws IOException {
        return Files.readAllLines(HOME.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
    }

    /** Bundle id and state by symbolic name, for the platform's bundles. */
    private static Map<String, String> platformBundles() throws Exception {
        Map<String, String> bundles = new LinkedHashMap<>();
        for (String line : run("bundle:list -t 0 -s --no-format").split("\\R")) {
            String[] cells = line.split("\t");
            if (cells.length >= 5 && platform(cells[4].trim())) {
                bundles.put(cells[4].trim(), cells[0].trim() + " " + cells[1].trim());
            }
        }
        assertTrue("platform bundles listed: " + bundles, bundles.size() >= 10);
        return bundles;
    }

    /** The platform bundles the features service named under "Stopping/Refreshing/Starting bundles:". */
    static Set<String> platformBundlesTouched(List<String> log) {
        Set<String> touched = new TreeSet<>();
        boolean inList = false;
        for (String line : log) {
            if (!line.contains("FeaturesServiceImpl")) {
                continue; // other loggers' lines may come between a heading and its entries
            }
            String message = line.substring(line.lastIndexOf(" | ") + 3);
            if (message.matches("(Stopping|Refreshing|Starting) bundles:")) {
                inList = true;
            } else if (inList && message.startsWith("  ")) {
                String name = message.trim().split("[/ ]")[0];
                if (platform(name)) {
                    touched.add(name);
                }
            } else {
                inList = false;
            }
        }
        return touched;
    }

    /** The certportal features of featuresBoot, in reverse boot order. */
    static List<String> areasTopDown(List<String> featuresCfg) {
        String boot = featuresCfg.stream().filter(l -> l.startsWith("featuresBoot")).findFirst().orElseThrow();
        List<String> booted = new ArrayList<>();
        for (String name : boot.substring(boot.indexOf('=') + 1).split("[,()]")) {
            if (name.trim().startsWith("certportal-")) {
                booted.add(name.trim());
            }
        }
        return reversed(booted);
    }

    private static boolean platform(String symbolicName) {
        return PLATFORM.stream().anyMatch(p -> p.endsWith(".") ? symbolicName.startsWith(p) : symbolicName.equals(p));
    }

    private void signInToContacts(String user) {
        browser.get(URL + "/contacts");
        pageUntil(d -> !d.findElements(By.cssSelector("#username input")).isEmpty());
        browser.findElement(By.cssSelector("#username input")).sendKeys(user);
        browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
        browser.findElement(By.id("sign-in")).click();
        pageUntil(d -> !d.findElements(By.id("contacts-title")).isEmpty()
                && !d.findElements(By.id("nav-programs")).isEmpty());
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private void pageUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Chromium.screenshot(browser);
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + "; page: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static String runState(String runId) {
        return run("process:show " + runId);
    }

    private static String run(String command) {
        try {
            return karaf.run(command);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    /** Polls the condition until it holds, up to the deadline. */
    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    /** Starts or stops this test's own copy of the distribution with the script the shared one uses. */
    private static void portal(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", new File("src/test/scripts/portal.sh").getPath(), command,
                System.getProperty("certportal.assembly"), HOME.toString(), String.valueOf(HTTP), String.valueOf(SSH))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("portal.sh " + command + " failed: " + out);
        }
    }
}
