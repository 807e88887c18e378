package org.certportal.itests;

import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A headless Chromium on the started portal, with the moves the browser tests share. */
public abstract class BrowserTest {
    protected static final String URL = System.getProperty("certportal.portal.url", "http://localhost:18181");

    protected WebDriver browser;
    protected WebDriverWait wait;

    @Before
    public void openBrowser() throws Exception {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // Vaadin re-renders lists and notifications come and go: a vanished element just means "look again"
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @After
    public void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected void signIn(String user) {
        browser.get(URL + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#username input")));
        browser.findElement(By.cssSelector("#username input")).sendKeys(user);
        browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
        browser.findElement(By.id("sign-in")).click();
        shown("welcome");
    }

    /** Waits for the condition; on timeout the failure says what the page showed, notifications included. */
    protected void until(java.util.function.Function<WebDriver, Boolean> condition) {
        until(wait, condition);
    }

    /** Waits longer than usual for the condition, as {@link #until(java.util.function.Function)} does. */
    protected void until(Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
        WebDriverWait longer = new WebDriverWait(browser, timeout);
        longer.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        until(longer, condition);
    }

    private void until(WebDriverWait waiting, java.util.function.Function<WebDriver, Boolean> condition) {
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        try {
            waiting.until(d -> {
                d.findElements(By.cssSelector("vaadin-notification-card")).forEach(n -> notes.add(n.getText()));
                return condition.apply(d);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            Chromium.screenshot(browser);
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + "; notifications: " + notes
                    + "; page: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    protected WebElement shown(String id) {
        WebElement[] found = new WebElement[1];
        // found and checked in one go: a view that re-renders may replace the element between two looks
        until(d -> (found[0] = d.findElements(By.id(id)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null)) != null);
        return found[0];
    }

    protected void type(String id, String text) {
        WebElement input = shown(id).findElement(By.cssSelector("input, textarea"));
        input.clear();
        // Tab commits the value (Vaadin sends a field's value on change, not on every key)
        input.sendKeys(text, Keys.TAB);
    }

    /** Scrolls the element into view and clicks it; through the DOM when an overlay edge covers it. */
    protected void click(String id) {
        until(d -> d.findElements(By.id(id)).stream().anyMatch(e -> e.isEnabled()
                && !"true".equals(e.getAttribute("hidden")) && e.getRect().getWidth() > 0));
        click(browser.findElement(By.id(id)));
    }

    /** Clicks the grid cell showing exactly this text. */
    protected void clickCell(String gridId, String text) {
        until(d -> d.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .anyMatch(c -> text.equals(c.getAttribute("textContent").trim())));
        click(browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .filter(c -> text.equals(c.getAttribute("textContent").trim())).findFirst().orElseThrow());
    }

    private void click(WebElement e) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].click();", e);
        }
    }

    /** Saves the current page as target/docs-screenshots/NAME.png, the pictures of the user guides in docs/. */
    protected void documentScreenshot(String name) {
        documentScreenshot(browser, name);
    }

    /** {@link #documentScreenshot(String)} for browser tests with their own driver. */
    static void documentScreenshot(WebDriver browser, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(
                    java.nio.file.Path.of("target", "docs-screenshots"));
            // let pending Vaadin round trips and animations finish, so the picture shows the settled page
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return !window.Vaadin || !window.Vaadin.Flow"
                            + " || !window.Vaadin.Flow.clients || Object.values(window.Vaadin.Flow.clients)"
                            + ".every(c => typeof c.isActive !== 'function' || !c.isActive());")));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException | RuntimeException e) {
            // a missing picture must not fail the test that takes it
            System.err.println("No documentation screenshot " + name + ": " + e);
        }
    }

    /** Signs out from the sign-out page (a GET only asks; its button posts) and waits for the sign-in page. */
    protected void signOut() {
        browser.get(URL + "/sign-out");
        // signed out already (an ended session): the address leads to the sign-in page itself
        browser.findElements(By.id("sign-out-confirm")).forEach(WebElement::click);
        shown("sign-in");
    }

    /** Picks the combo box item whose label contains the text, typing it as the filter first. */
    protected void pick(String comboId, String text) {
        WebElement input = shown(comboId).findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(text);
        until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(i -> i.isDisplayed() && i.getText().contains(text)));
        browser.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().contains(text)).findFirst().orElseThrow().click();
    }

    /** Cells of a grid's body rows, as text. */
    protected List<String> cells(String gridId) {
        return browser.findElements(By.cssSelector("#" + gridId + " vaadin-grid-cell-content")).stream()
                .map(WebElement::getText).toList();
    }

    /** Ticks the selection checkbox of each row whose cells contain the text. */
    protected void tickRowsContaining(String gridId, String text) {
        Object ticked = ((JavascriptExecutor) browser).executeScript(
                "const grid = document.getElementById(arguments[0]); let n = 0;"
                        + "for (const row of grid.shadowRoot.querySelectorAll('tbody tr')) {"
                        + "  const contents = [...row.querySelectorAll('slot')].flatMap(s => s.assignedElements());"
                        + "  if (!contents.some(c => c.textContent.includes(arguments[1]))) continue;"
                        + "  const box = contents.map(c => c.querySelector('vaadin-checkbox')).find(b => b);"
                        + "  if (box && !box.checked) { box.click(); n++; } }"
                        + "return n;", gridId, text);
        assertTrue("ticked " + ticked + " rows with " + text, ((Number) ticked).intValue() > 0);
    }

    /**
     * A date as a picker that follows the organisation's date format reads it: the default pattern is
     * ISO (yyyy-MM-dd), which every such picker also accepts whatever the setting.
     */
    protected static String datePickerText(java.time.LocalDate date) {
        return date.toString();
    }

    /** Ticks the confirm button of the open confirmation dialog. */
    protected void confirmDialog() {
        until(d -> d.findElements(By.cssSelector("vaadin-confirm-dialog-overlay")).stream().anyMatch(WebElement::isDisplayed));
        browser.findElements(By.cssSelector("vaadin-confirm-dialog-overlay vaadin-button")).stream()
                .filter(b -> b.isDisplayed() && b.getAttribute("slot") != null && b.getAttribute("slot").startsWith("confirm"))
                .findFirst().orElseThrow().click();
    }
}
