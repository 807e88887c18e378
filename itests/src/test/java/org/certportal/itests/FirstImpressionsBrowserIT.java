package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * What a newcomer meets first: the home page's cards, search that finds people with counts and
 * empty states, forms that say what is wrong beside the field, enrolling that asks first, program
 * links that read alike, and pages without sideways scrolling at 800 px and at a phone's 390 px.
 * Screenshots at both widths go to target/docs-screenshots.
 */
public class FirstImpressionsBrowserIT extends BrowserTest {
    private static final Dimension DESKTOP = new Dimension(1400, 900);
    private static final Dimension NARROW = new Dimension(800, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    private final String tag = "Fi" + Long.toString(System.nanoTime() % 1_000_000, 36);

    /**
     * Whether the page scrolls sideways: the document wider than the window. (Single elements may
     * reach past the edge inside a parent that clips them, e.g. a name cut with an ellipsis; the
     * user cannot scroll to those, so they do not count.)
     */
    @SuppressWarnings("unchecked")
    private List<String> sidewaysOverflow() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "const w = document.documentElement.clientWidth; const out = [];"
                        + "if (document.scrollingElement.scrollWidth > w + 1)"
                        + "  out.push('document ' + document.scrollingElement.scrollWidth + ' > ' + w);"
                        + "return out;");
    }

    private void at(Dimension size) {
        browser.manage().window().setSize(size);
    }

    private void assertNoSidewaysScroll(String page) {
        List<String> over = sidewaysOverflow();
        assertTrue(page + " at " + browser.manage().window().getSize().getWidth() + " px scrolls sideways: " + over,
                over.isEmpty());
    }

    /**
     * Whether the field is marked invalid: its {@code invalid} property. (Selenium's getAttribute
     * answers "false" for a valid field, never null, so it cannot tell the two apart.)
     */
    private boolean marked(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.getElementById(arguments[0]).invalid === true;", id));
    }

    /** The field shows no error message (its error part is empty or hidden). */
    private void assertNoMessage(String id) {
        Object shownMessage = ((JavascriptExecutor) browser).executeScript(
                "const f = document.getElementById(arguments[0]);"
                        + "const e = f.querySelector('[slot=error-message]');"
                        + "return e && e.offsetParent !== null ? e.textContent.trim() : '';", id);
        assertEquals(id + " still shows a message after the fix", "", shownMessage);
    }

    private boolean present(String id) {
        return browser.findElements(By.id(id)).stream().anyMatch(WebElement::isDisplayed);
    }

    private void createContact(String given, String family, String externalId) {
        browser.get(URL + "/contacts");
        click("contact-new");
        type("contact-family-name", family);
        type("contact-given-name", given);
        type("contact-external-id", externalId);
        click("contact-save");
        until(d -> !present("contact-family-name"));
    }

    /** Creates an active program with one requirement in the editor; returns its id. */
    private long createActiveProgram(String code) {
        browser.get(URL + "/programs");
        click("program-new");
        until(d -> d.getCurrentUrl().endsWith("/programs/new"));
        type("program-code", code);
        type("program-name", "First impressions " + code);
        click("program-save");
        until(d -> d.findElement(By.id("program-title")).getText().startsWith(code));
        until(d -> d.getCurrentUrl().matches(".*/programs/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/programs/(\\d+)$", "$1"));
        click("requirement-add");
        type("requirement-title", "Orientation");
        click("requirement-save");
        until(d -> d.findElement(By.id("requirement-list")).getText().contains("Orientation"));
        click("program-activate");
        until(d -> d.findElement(By.id("program-status")).getText().equals("Active"));
        return id;
    }

    /** Cards of the installed areas, each with a number, only for those with the permission, linking to the page. */
    @Test
    public void theHomePageShowsTheCardsOfTheAreasTheUserMayUse() {
        signIn("certadmin");
        for (String card : List.of("approvals-waiting", "runs-active", "runs-failed", "enrollments-this-month",
                "certifications-expiring")) {
            String value = shown("card-" + card + "-value").getText();
            assertTrue(card + " shows a number, not '" + value + "'", value.matches("\\d+"));
        }
        documentScreenshot("home-cards");
        at(PHONE);
        browser.get(URL + "/");
        shown("card-approvals-waiting");
        assertNoSidewaysScroll("home");
        documentScreenshot("home-cards-phone");
        at(DESKTOP);
        click("card-approvals-waiting");
        shown("approvals-title");
        assertTrue(browser.getCurrentUrl(), browser.getCurrentUrl().endsWith("/approvals"));

        signOut();
        signIn("staff");
        shown("card-enrollments-this-month");
        assertTrue("Staff do not approve: no approvals card", !present("card-approvals-waiting"));

        signOut();
        signIn("records");
        shown("card-runs-active");
        assertTrue("Student Records see no enrollments", !present("card-enrollments-this-month"));
    }

    /** Names either way round, identifier prefixes, a count, and an empty state that says what to do next. */
    @Test
    public void contactSearchFindsPeopleAndEveryListSaysWhatToDoWhenEmpty() {
        signIn("staff");
        createContact("Jana", tag, tag + "-120");
        createContact("Karl", tag, tag + "-121");
        createContact("Olga", tag + "x", tag + "-13");

        browser.get(URL + "/contacts");
        type("contact-search", tag + "-12");
        until(d -> d.findElement(By.id("contact-count")).getText().equals("2 contacts"));
        until(d -> cells("contact-grid").containsAll(List.of(tag + "-120", tag + "-121")));
        assertTrue(!cells("contact-grid").contains(tag + "-13"));
        documentScreenshot("contacts-search");

        type("contact-search", "Jana " + tag);
        until(d -> d.findElement(By.id("contact-count")).getText().equals("1 contact"));
        until(d -> cells("contact-grid").contains(tag + "-120"));
        type("contact-search", tag + ", Karl");
        until(d -> d.findElement(By.id("contact-count")).getText().equals("1 contact"));
        until(d -> cells("contact-grid").contains(tag + "-121"));
        type("contact-search", tag);
        until(d -> d.findElement(By.id("contact-count")).getText().equals("3 contacts"));

        type("contact-search", tag + "-nobody");
        until(d -> d.findElement(By.id("contact-empty")).getText().startsWith("No contact matches"));
        assertEquals("0 contacts", shown("contact-count").getText());
        documentScreenshot("contacts-search-empty");

        browser.get(URL + "/enrollments");
        assertTrue(shown("enrollee-empty").getText().startsWith("Choose a program"));
        documentScreenshot("enrollments-choose-program");
    }

    /** A refusal beside the field it names, gone after the fix; a notification only for the outcome. */
    @Test
    public void formsSayWhatIsWrongBesideTheField() {
        signIn("certadmin");
        browser.get(URL + "/programs/new");
        type("program-code", "A B");
        type("program-name", "First impressions form");
        click("program-save");
        until(d -> marked("program-code"));
        String message = browser.findElement(By.id("program-code")).getAttribute("errorMessage");
        assertTrue(message, message.startsWith("Code 'A B'"));
        assertTrue("the refusal is not a notification", browser.findElements(By.cssSelector("vaadin-notification-card"))
                .stream().noneMatch(n -> n.getText().contains("A B")));
        documentScreenshot("program-form-error");
        at(PHONE);
        shown("program-code");
        // the form lays itself out again once it has measured its new width
        until(d -> d.findElement(By.id("program-code")).getRect().getX() == d.findElement(By.id("program-name"))
                .getRect().getX());
        assertNoSidewaysScroll("program editor");
        documentScreenshot("program-form-error-phone");
        at(DESKTOP);

        type("program-code", tag.toUpperCase() + "-F");
        // the fix alone clears the mark and its message, before the next attempt
        until(d -> !marked("program-code"));
        assertNoMessage("program-code");
        click("program-save");
        until(d -> d.findElement(By.id("program-title")).getText().startsWith(tag.toUpperCase() + "-F"));

        browser.get(URL + "/contacts");
        click("contact-new");
        type("contact-family-name", tag);
        type("contact-email", "jana.example.org");
        click("contact-save");
        until(d -> String.valueOf(d.findElement(By.id("contact-email")).getAttribute("errorMessage"))
                .contains("is not a valid address"));
        assertTrue(marked("contact-email"));
        type("contact-email", "jana@example.org");
        until(d -> !marked("contact-email"));
        assertNoMessage("contact-email");
        click("contact-save");
        until(d -> !present("contact-family-name"));
    }

    /** Program links read alike, old ones forwarded; the status badge; enrolling from the Enrollee page asks first. */
    @Test
    public void programLinksReadAlikeAndEnrollingAsksFirst() {
        signIn("certadmin");
        String code = tag.toUpperCase() + "-E";
        long id = createActiveProgram(code);
        assertTrue("the status is a badge", browser.findElement(By.id("program-status")).getAttribute("theme")
                .contains("badge"));
        documentScreenshot("program-status-badge");
        browser.get(URL + "/program/" + id);
        until(d -> d.getCurrentUrl().endsWith("/programs/" + id));
        until(d -> d.findElement(By.id("program-title")).getText().startsWith(code));

        createContact("Enna", tag, tag + "-E1");
        browser.get(URL + "/enrollee");
        pick("enrollee-contact", tag + "-E1");
        click("enroll-program-" + id);
        WebElement date = shown("enroll-confirm-date");
        assertTrue("today by default", !date.findElement(By.tagName("input")).getAttribute("value").isEmpty());
        assertTrue("the dialog names the program with its code", browser.findElements(
                By.cssSelector("vaadin-dialog-overlay")).stream().anyMatch(o -> o.getText().contains("(" + code + ")")));
        assertTrue("nothing enrolled before confirming", cells("enrollee-enrollments").stream()
                .noneMatch(c -> c.contains(code) || c.contains("First impressions " + code)));
        documentScreenshot("enrollee-enroll-confirm");
        click("enroll-confirm");
        until(d -> cells("enrollee-enrollments").stream().anyMatch(c -> c.contains("First impressions " + code)));
    }

    /**
     * Dates in the organisation's format, chosen in Settings; audit entries in words: the contact
     * by its name, the setting's change as "Date pattern: yyyy-MM-dd → dd.MM.yyyy".
     */
    @Test
    public void datesAndAuditEntriesReadInTheOrganisationsWords() {
        signIn("sysadmin");
        createContact("Dora", tag, tag + "-D1");
        chooseDateFormat("dd.MM.yyyy");
        try {
            browser.get(URL + "/audit");
            type("audit-entity-type", "contact");
            until(d -> cells("audit-grid").contains("Dora " + tag + " (" + tag + "-D1)"));
            assertTrue("times in the chosen format: " + cells("audit-grid"), cells("audit-grid").stream()
                    .anyMatch(c -> c.matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}")));
            type("audit-entity-type", "settings");
            until(d -> cells("audit-grid").stream().anyMatch(c -> c.contains("Date pattern: yyyy-MM-dd → dd.MM.yyyy")));
            documentScreenshot("audit-log-in-words");
        } finally {
            chooseDateFormat("yyyy-MM-dd");
        }
    }

    private void chooseDateFormat(String pattern) {
        browser.get(URL + "/settings");
        pick("settings-date-format", pattern);
        until(d -> d.findElement(By.cssSelector("#settings-date-format input")).getAttribute("value")
                .contains(pattern));
        click("settings-save");
        until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains("Settings saved")));
    }

    /**
     * No sideways scrolling at 800 px and at 390 px on every page of the menu: contacts, programs,
     * enrollments, the Process Center, Tracking, Accounting, Mass certification, Credentials, the
     * Audit log, the Mail outbox and Settings (a SysAdmin sees them all).
     */
    @Test
    public void pagesFitAt800AndAt390Pixels() {
        signIn("sysadmin");
        for (Dimension size : List.of(NARROW, PHONE)) {
            at(size);
            String suffix = size.getWidth() == 390 ? "-phone" : "-800";
            for (String[] page : new String[][] { { "", "home-cards" }, { "contacts", "contacts-title" },
                { "programs", "programs-title" }, { "enrollments", "enrollments-title" },
                { "enrollee", "enrollee-title" }, { "processes", "process-center-title" },
                { "tracking", "tracking-title" }, { "accounting", "accounting-title" },
                { "masscert", "masscert-view" }, { "credentials", "credentials-view" },
                { "audit", "audit-title" }, { "outbox", "outbox-title" }, { "settings", "settings-title" } }) {
                browser.get(URL + "/" + page[0]);
                shown(page[1]);
                assertNoSidewaysScroll("/" + page[0]);
                documentScreenshot("width-" + (page[0].isEmpty() ? "home" : page[0]) + suffix);
            }
        }
    }
}
