package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium through the certification feature areas: programs and enrollments. */
public class CertificationBrowserIT {
    private static final String URL = System.getProperty("certportal.portal.url", "http://localhost:18181");

    private WebDriver browser;
    private WebDriverWait wait;

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

    private void signIn(String user) {
        browser.get(URL + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#username input")));
        browser.findElement(By.cssSelector("#username input")).sendKeys(user);
        browser.findElement(By.cssSelector("#password input")).sendKeys("certportal");
        browser.findElement(By.id("sign-in")).click();
        shown("welcome");
    }

    /** Waits for the condition; on timeout the failure says what the page showed, notifications included. */
    private void until(java.util.function.Function<WebDriver, Boolean> condition) {
        java.util.Set<String> notes = new java.util.LinkedHashSet<>();
        try {
            wait.until(d -> {
                d.findElements(By.cssSelector("vaadin-notification-card")).forEach(n -> notes.add(n.getText()));
                return condition.apply(d);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Timed out at " + browser.getCurrentUrl() + "; notifications: " + notes
                    + "; page: " + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    private WebElement shown(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void type(String id, String text) {
        WebElement input = shown(id).findElement(By.cssSelector("input, textarea"));
        input.clear();
        // Tab commits the value (Vaadin sends a field's value on change, not on every key)
        input.sendKeys(text, Keys.TAB);
    }

    /** Scrolls the element into view and clicks it; through the DOM when an overlay edge covers it. */
    private void click(String id) {
        until(d -> d.findElements(By.id(id)).stream().anyMatch(e -> e.isEnabled()
                && !"true".equals(e.getAttribute("hidden")) && e.getRect().getWidth() > 0));
        WebElement e = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        try {
            e.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
            ((JavascriptExecutor) browser).executeScript("arguments[0].click();", e);
        }
    }

    /** The requirement titles in the order the editor shows them. */
    private List<String> requirementOrder() {
        return browser.findElements(By.cssSelector("#requirement-list [id^=requirement-] > vaadin-horizontal-layout > span:first-child"))
                .stream().map(WebElement::getText).toList();
    }

    /** Creates a program with three requirements, moves one, activates it; returns the program's code. */
    private String createActiveProgram(String code) {
        browser.get(URL + "/programs");
        click("program-new");
        type("program-code", code);
        type("program-name", "Browser program " + code);
        click("program-save");
        until(d -> d.findElement(By.id("program-title")).getText().startsWith(code));
        for (String title : List.of("Ethics course", "Written exam", "Practice log")) {
            click("requirement-add");
            type("requirement-title", title);
            click("requirement-save");
            until(d -> requirementOrder().stream().anyMatch(t -> t.endsWith(title)));
        }
        assertEquals(List.of("1. Ethics course", "2. Written exam", "3. Practice log"), requirementOrder());
        click("requirement-down-1");
        until(d -> requirementOrder().equals(List.of("1. Written exam", "2. Ethics course", "3. Practice log")));
        click("program-activate");
        until(d -> d.findElement(By.id("program-status")).getText().startsWith("Active"));
        return code;
    }

    @Test
    public void certificationAdminCreatesOrdersAndActivatesAProgramAndStaffOnlyReadsIt() {
        signIn("certadmin");
        createActiveProgram("BRW-PRG1");
        String programUrl = browser.getCurrentUrl();

        browser.findElement(By.id("sign-out")).click();
        shown("sign-in");
        signIn("staff");
        browser.get(programUrl);
        until(d -> d.findElement(By.id("program-title")).getText().startsWith("BRW-PRG1"));
        assertEquals(List.of("1. Written exam", "2. Ethics course", "3. Practice log"), requirementOrder());
        assertTrue("Staff see no edit buttons",
                browser.findElements(By.cssSelector("#requirement-add, #program-activate, #program-deactivate, #requirement-up-2"))
                        .stream().noneMatch(WebElement::isDisplayed));
    }
}
