package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium against the started distribution: sign-in, navigation built from contributions,
 * access denied, live menu changes when a feature bundle is installed and uninstalled, sign-out.
 */
public class PortalBrowserIT {
    private static final String URL = System.getProperty("certportal.portal.url", "http://localhost:18181");
    private static KarafClient karaf;
    private static String sampleBundleId;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeClass
    public static void installSampleViews() throws Exception {
        karaf = KarafClient.fromSystemProperties();
        String jar = new File(System.getProperty("certportal.sampleViews")).toURI().toString();
        String out = karaf.run("bundle:install -s " + jar);
        sampleBundleId = out.replaceAll("(?s).*Bundle ID: (\\d+).*", "$1").trim();
        assertTrue("bundle:install said: " + out, sampleBundleId.matches("\\d+"));
    }

    @AfterClass
    public static void uninstallSampleViews() throws Exception {
        if (sampleBundleId != null) {
            karaf.run("bundle:uninstall " + sampleBundleId);
        }
    }

    @Before
    public void openBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @After
    public void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signIn(String user, String password) {
        browser.get(URL + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#username input")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.cssSelector("#username input")).sendKeys(user);
        browser.findElement(By.cssSelector("#password input")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    /** Signs out and waits for the sign-in page, so that the next page load does not race the redirect. */
    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    private WebElement shown(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** Clicks a menu entry, scrolled into view first: with every area installed the menu is taller than the window. */
    private void openMenu(String id) {
        WebElement entry = browser.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                entry);
        entry.click();
    }

    private List<String> menuIds() {
        return browser.findElements(By.cssSelector("#menu a")).stream().map(e -> e.getAttribute("id")).toList();
    }

    @Test
    public void staffCreatesAndFindsAContactAndStudentRecordsOnlyReads() {
        signIn("staff", "certportal");
        shown("welcome");
        wait.until(d -> menuIds().contains("nav-contacts"));
        openMenu("nav-contacts");
        shown("contacts-title");
        browser.findElement(By.id("contact-new")).click();
        shown("contact-family-name").findElement(By.tagName("input")).sendKeys("Hopper");
        browser.findElement(By.cssSelector("#contact-given-name input")).sendKeys("Grace");
        browser.findElement(By.cssSelector("#contact-email input")).sendKeys("grace@example.org");
        browser.findElement(By.cssSelector("#contact-external-id input")).sendKeys("BRW-1");
        BrowserTest.documentScreenshot(browser, "contact-form");
        browser.findElement(By.id("contact-save")).click();
        browser.findElement(By.cssSelector("#contact-search input")).sendKeys("BRW-1");
        wait.until(d -> d.findElements(By.cssSelector("#contact-grid vaadin-grid-cell-content")).stream()
                .anyMatch(c -> "grace@example.org".equals(c.getText())));
        BrowserTest.documentScreenshot(browser, "contacts");

        signOut();
        signIn("records", "certportal");
        shown("welcome");
        browser.get(URL + "/contacts");
        shown("contacts-title");
        wait.until(d -> d.findElements(By.cssSelector("#contact-grid vaadin-grid-cell-content")).stream()
                .anyMatch(c -> "grace@example.org".equals(c.getText())));
        assertTrue("Student Records may read but not create contacts",
                browser.findElements(By.id("contact-new")).stream().noneMatch(WebElement::isDisplayed));
    }

    @Test
    public void sysadminChangesSettingsAndStaffCannotOpenThem() {
        signIn("sysadmin", "certportal");
        shown("welcome");
        wait.until(d -> menuIds().containsAll(List.of("nav-settings", "nav-audit")));
        openMenu("nav-settings");
        shown("settings-title");
        wait.until(d -> d.findElement(By.id("settings-expiring-days")).getText().contains("no expiring emails"));
        WebElement days = browser.findElement(By.cssSelector("#settings-expiring-days input"));
        days.sendKeys("45");
        browser.findElement(By.id("settings-save")).click();
        browser.navigate().refresh();
        wait.until(d -> "45".equals(d.findElement(By.cssSelector("#settings-expiring-days input")).getAttribute("value")));
        BrowserTest.documentScreenshot(browser, "settings");
        browser.get(URL + "/audit");
        shown("audit-title");
        wait.until(d -> !d.findElements(By.cssSelector("#audit-grid vaadin-grid-cell-content")).isEmpty());
        BrowserTest.documentScreenshot(browser, "audit-log");

        signOut();
        signIn("staff", "certportal");
        shown("welcome");
        assertFalse(menuIds().contains("nav-settings"));
        browser.get(URL + "/settings");
        shown("access-denied");
    }

    @Test
    public void staffSeeQueuedMailWithTheReasonItIsNotSentYet() throws Exception {
        // the distribution names no SMTP server: mail waits, and the outbox says why instead of failing
        String out = karaf.run("certportal:mail-test --to outbox-browser@example.org");
        assertTrue(out, out.toLowerCase().contains("queued"));
        signIn("staff", "certportal");
        shown("welcome");
        browser.get(URL + "/outbox");
        shown("outbox-title");
        assertTrue(shown("outbox-not-sending").getText().contains("smtpHost"));
        browser.findElement(By.cssSelector("#outbox-recipient-filter input")).sendKeys("outbox-browser@");
        wait.until(d -> d.findElements(By.cssSelector("#outbox-grid vaadin-grid-cell-content")).stream()
                .anyMatch(c -> c.getText().contains("outbox-browser@example.org")));
        assertTrue(browser.findElements(By.cssSelector("#outbox-grid vaadin-grid-cell-content")).stream()
                .noneMatch(c -> c.getText().toLowerCase().contains("refused")));
        BrowserTest.documentScreenshot(browser, "mail-outbox");
    }

    @Test
    public void wrongPasswordIsRefused() {
        signIn("staff", "not-the-password");
        assertEquals("Wrong user name or password.", shown("sign-in-error").getText());
        BrowserTest.documentScreenshot(browser, "sign-in");
        assertTrue(browser.findElements(By.id("welcome")).isEmpty());
        browser.get(URL + "/sample");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertTrue("a signed-out user is sent to the sign-in page", browser.getCurrentUrl().endsWith("/login"));
    }

    @Test
    public void signInLeadsToTheRequestedPageWithANewSessionId() {
        browser.get(URL + "/sample");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#username input")));
        String before = browser.manage().getCookieNamed("JSESSIONID").getValue();
        browser.findElement(By.cssSelector("#username input")).sendKeys("staff");
        browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
        browser.findElement(By.id("sign-in")).click();
        shown("sample-view");
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/sample"));
        String after = browser.manage().getCookieNamed("JSESSIONID").getValue();
        assertFalse("the session id changes on sign-in", before.equals(after));
    }

    @Test
    public void aLinkToTheSignOutAddressSignsNoOneOutItsButtonDoes() {
        signIn("staff", "certportal");
        shown("welcome");
        // what an image or link planted by another site would request
        browser.get(URL + "/sign-out");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out-confirm")));
        browser.get(URL + "/");
        shown("welcome");
        browser.get(URL + "/sign-out");
        browser.findElement(By.id("sign-out-confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.get(URL + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    @Test
    public void repeatedWrongPasswordsMakeTheAccountWaitSaidOnTheFormAndLoggedWithTheAddress() throws Exception {
        String user = "guessed" + System.nanoTime() % 100000;
        String added = karaf.run("certportal:users --roles staff --password right-pass-12 add " + user);
        assertTrue(added, added.contains(user));
        browser.get(URL + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#username input")));
        browser.findElement(By.cssSelector("#username input")).sendKeys(user);
        for (int i = 1; i <= 6; i++) {
            String said = trySignIn("wrong-guess-" + i);
            assertEquals("attempt " + i, "Wrong user name or password.", said);
        }
        String refused = trySignIn("right-pass-12");
        assertTrue(refused, refused.matches("Too many failed sign-ins: try again in \\d+ seconds\\."));
        java.util.List<String> log = java.nio.file.Files.readAllLines(java.nio.file.Path.of(
                System.getProperty("certportal.portal.home", "target/portal"), "data", "log", "karaf.log"));
        // the browser's address, as Jetty writes it: 127.0.0.1 or [0:0:0:0:0:0:0:1]
        String failed = ".*Sign-in failed for '" + user + "' from (127\\.0\\.0\\.1|\\[0:0:0:0:0:0:0:1\\]): .*";
        assertEquals(6, log.stream().filter(l -> l.matches(failed)).count());
        assertTrue(log.stream().anyMatch(l -> l.contains("Sign-in refused for '" + user + "'")
                && l.contains("too many failed attempts")));
    }

    /** Types the password, signs in and returns what the form says. */
    private String trySignIn(String password) {
        browser.findElement(By.cssSelector("#password input")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        // the form says the same words again after each failure: wait for the password field to clear
        wait.until(d -> d.findElement(By.cssSelector("#password input")).getAttribute("value").isEmpty()
                && d.findElement(By.id("sign-in-error")).isDisplayed());
        return browser.findElement(By.id("sign-in-error")).getText();
    }

    @Test
    public void aSavedLinkToAPageThatReadsDataOpensRightAfterSignIn() {
        browser.get(URL + "/processes");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#username input")));
        browser.findElement(By.cssSelector("#username input")).sendKeys("certadmin");
        browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
        browser.findElement(By.id("sign-in")).click();
        shown("process-center-title");
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/processes"));
        assertTrue("not refused", browser.findElements(By.id("access-denied")).isEmpty());
    }

    @Test
    public void disablingAUserEndsTheirOpenSessionAtTheirNextClick() throws Exception {
        String user = "leaver" + System.nanoTime() % 100000;
        String added = karaf.run("certportal:users --roles staff --password leaving-soon-1 add " + user);
        assertTrue(added, added.contains(user));
        signIn(user, "leaving-soon-1");
        shown("welcome");
        wait.until(d -> menuIds().contains("nav-contacts"));
        karaf.run("certportal:users disable " + user);
        openMenu("nav-contacts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.get(URL + "/contacts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/login"));
    }

    @Test
    public void staffSeesTheirViewsIsRefusedOthersAndSignsOut() {
        signIn("staff", "certportal");
        assertEquals("Welcome, Stella Staff", shown("welcome").getText());
        assertTrue(shown("current-user").getText().contains("staff"));
        wait.until(d -> menuIds().contains("nav-sample"));
        assertFalse("staff may not see the manager view", menuIds().contains("nav-sample-manager"));

        openMenu("nav-sample");
        shown("sample-view");
        // the contributed view renders a Grid from the shell's frontend bundle
        wait.until(d -> d.findElements(By.cssSelector("#sample-grid vaadin-grid-cell-content")).stream()
                .anyMatch(c -> "beta".equals(c.getText())));

        browser.get(URL + "/sample-manager");
        shown("access-denied");
        assertTrue(browser.findElements(By.id("sample-manager-view")).isEmpty());

        browser.get(URL + "/no-such-page");
        shown("not-found");

        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        browser.get(URL + "/sample");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertTrue(browser.findElements(By.id("sample-view")).isEmpty());
    }

    @Test
    public void openBrowsersFollowBundlesComingAndGoing() throws Exception {
        signIn("certmanager", "certportal");
        shown("welcome");
        wait.until(d -> menuIds().containsAll(List.of("nav-sample", "nav-sample-manager")));
        // the bundle's button on another area's page (a page action) leads to its view
        browser.get(URL + "/processes");
        shown("action-sample-manage").click();
        shown("sample-manager-view");

        karaf.run("bundle:stop " + sampleBundleId);
        // pushed to this page: no reload
        wait.until(d -> d.findElements(By.tagName("vaadin-notification-card")).stream()
                .anyMatch(c -> c.getText().contains("has been removed from the portal")));
        shown("welcome");
        wait.until(d -> !menuIds().contains("nav-sample") && !menuIds().contains("nav-sample-manager"));
        browser.get(URL + "/sample-manager");
        shown("not-found");
        // its button has left the Process Center with it
        browser.get(URL + "/processes");
        shown("process-center-title");
        assertTrue(browser.findElements(By.id("action-sample-manage")).isEmpty());

        browser.get(URL + "/");
        shown("welcome");
        karaf.run("bundle:start " + sampleBundleId);
        wait.until(d -> menuIds().contains("nav-sample-manager"));
        openMenu("nav-sample-manager");
        shown("sample-manager-view");
    }
}
