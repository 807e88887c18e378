package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The Tracking page in headless Chromium: a quick filter and its count, a saved filter found again in
 * a new session, a status set by hand with its reason in the history.
 */
public class TrackingBrowserIT extends BrowserTest {
    private final KarafClient karaf = KarafClient.fromSystemProperties();

    /** The number on a quick-filter button ("In progress 12"). */
    private long countOn(String buttonId) {
        Matcher m = Pattern.compile("(\\d+)$").matcher(shown(buttonId).getText().trim());
        assertTrue("a count on " + buttonId, m.find());
        return Long.parseLong(m.group(1));
    }

    /** How many rows the grid says it lists (its data provider's size, not the rows rendered). */
    private long gridSize(String gridId) {
        return ((Number) ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById(arguments[0]).size;", gridId)).longValue();
    }

    /** The count the shell prints for a status (tracking:counts). */
    private static long shellCount(String counts, String status) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(status) + "\\s+([\\d,]+)\\s*$").matcher(counts);
        assertTrue(counts, m.find());
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** Column texts of the grid's rendered body rows, in column order. */
    @SuppressWarnings("unchecked")
    private List<List<String>> rows(String gridId) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "const grid = document.getElementById(arguments[0]); if (!grid) return [];"
                        + "return [...grid.shadowRoot.querySelectorAll('tbody tr')].filter(r => !r.hidden)"
                        + "  .map(r => [...r.querySelectorAll('slot')].flatMap(s => s.assignedElements())"
                        + "  .map(c => c.textContent.trim()));", gridId);
    }

    @Test
    public void quickFilterCountSavedFilterInANewSessionAndAStatusSetByHandWithItsReason() throws Exception {
        String demo = karaf.run("certportal:demo-data --seed 74 contacts=80 programs=2 enrollments=120");
        assertTrue(demo, demo.contains("Enrolled") && !demo.contains("Error executing command"));
        // people still working towards a certification: in progress, or applied where programs take applications
        String counts = karaf.run("tracking:counts");
        String status = shellCount(counts, "In progress") > 0 ? "In progress" : "Applied";
        String quick = "quick-" + status.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        long waiting = shellCount(counts, status);
        assertTrue("the demo enrolls people who are not certified yet: " + demo + "\n" + counts, waiting > 0);

        signIn("certadmin");
        browser.get(URL + "/tracking");
        shown("tracking-title");
        // the quick filter shows the count the shell counts, and lists that many rows, all of that status
        until(d -> countOn(quick) == waiting);
        click(quick);
        until(d -> browser.getCurrentUrl().contains("status=" + quick.substring("quick-".length()))
                && gridSize("tracking-grid") == waiting);
        until(d -> !rows("tracking-grid").isEmpty());
        assertTrue(rows("tracking-grid").toString(),
                rows("tracking-grid").stream().allMatch(r -> r.get(3).equals(status)));
        documentScreenshot("tracking-quick-filter");

        // saved under a name, found again after signing out and in
        String conditions = shown("tracking-conditions").getText();
        assertTrue(conditions, conditions.contains(status));
        String name = status + " (browser " + System.nanoTime() % 100000 + ")";
        click("tracking-save");
        type("save-filter-name", name);
        click("save-filter-ok");
        until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains(name)));
        signOut();
        signIn("certadmin");
        browser.get(URL + "/tracking");
        shown("tracking-title");
        assertEquals("a new visit starts with every enrollment", "Every enrollment.",
                shown("tracking-conditions").getText());
        pick("tracking-saved", name);
        until(d -> conditions.equals(d.findElement(By.id("tracking-conditions")).getText())
                && gridSize("tracking-grid") == waiting);

        // one of them cancelled by hand: the reason shows in its history, the counts follow
        until(d -> !rows("tracking-grid").isEmpty());
        String person = rows("tracking-grid").get(0).get(0);
        clickCell("tracking-grid", person);
        until(d -> status.equals(d.findElement(By.id("status-current")).getText()));
        String reason = "Moved abroad, asked to stop (browser test)";
        type("status-reason", reason);
        click("status-target");
        until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .anyMatch(i -> i.isDisplayed() && i.getText().equals("Cancelled")));
        browser.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(i -> i.isDisplayed() && i.getText().equals("Cancelled")).findFirst().orElseThrow().click();
        click("status-set");
        until(d -> "Cancelled".equals(d.findElement(By.id("status-current")).getText()));
        until(d -> rows("status-history").stream().anyMatch(r -> r.contains(reason) && r.contains("certadmin")
                && r.stream().anyMatch(c -> c.endsWith("→ Cancelled") || c.endsWith("→ CANCELLED"))));
        documentScreenshot("tracking-status-set");
        assertEquals(waiting - 1, shellCount(karaf.run("tracking:counts"), status));
        WebElement close = browser.findElements(By.cssSelector("vaadin-dialog-overlay vaadin-button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().equals("Close")).findFirst().orElseThrow();
        close.click();
        until(d -> countOn(quick) == waiting - 1);
    }

    /** The run id a process:preview or process:run printed ("Run 12 of … queued."). */
    private static long runId(String out) {
        Matcher m = Pattern.compile("(?:Preview|Run) (\\d+) of tracking.mass-drop queued").matcher(out);
        assertTrue(out, m.find());
        return Long.parseLong(m.group(1));
    }

    /** How many rows tracking:list finds for these options ("3 of 17 rows"). */
    private long listed(String options) throws Exception {
        String out = karaf.run("tracking:list --limit 1 " + options);
        Matcher m = Pattern.compile("([\\d,]+) of ([\\d,]+) rows").matcher(out);
        assertTrue(out, m.find());
        return Long.parseLong(m.group(2).replace(",", ""));
    }

    /**
     * A mass drop previewed (per person, nothing changed), run (every Active certification of the
     * program made Inactive), and reverted from its run page: every one of them is Active again. (Rows
     * changed since by someone else, which the revert leaves alone, are MassDropIT's: Inactive is final
     * for staff, so only a correction can change one.)
     */
    @Test
    public void massDropPreviewRunAndRevertFromItsRunPage() throws Exception {
        String demo = karaf.run("certportal:demo-data --seed 75 contacts=60 programs=1 enrollments=200");
        assertTrue(demo, demo.contains("Enrolled") && !demo.contains("Error executing command"));
        // the program of the newest active certifications: the demo's own
        String list = karaf.run("tracking:list --status active --sort enrolled --desc --limit 1");
        Matcher row = Pattern.compile("(?m)^(\\d+)\\s.*?\\s(\\S+)\\s+Active\\s").matcher(list);
        assertTrue(list, row.find());
        String program = row.group(2);
        // stored Active, shown Active or Expiring
        String activeOrExpiring = "--program " + program + " --status active --status expiring";
        long active = listed(activeOrExpiring);
        long inactive = listed("--program " + program + " --status inactive");
        assertTrue(list, active > 1);
        String criteria = "tracking.mass-drop program=" + program + " statuses=active target=inactive termination-date="
                + java.time.LocalDate.now() + " reason=Program-withdrawn-by-the-board";

        long preview = runId(karaf.run("process:preview --wait " + criteria));
        assertEquals("a preview changes nothing", active, listed(activeOrExpiring));

        signIn("certmanager");
        browser.get(URL + "/processes?run=" + preview);
        shown("run-details-rows-" + preview);
        until(d -> rows("run-rows-grid").stream().anyMatch(r -> String.join(" ", r).contains("Active → Inactive")));
        assertTrue("a preview is not revertable", browser.findElements(By.id("action-tracking-revert")).isEmpty());

        long run = runId(karaf.run("process:run --wait " + criteria));
        assertEquals(0, listed(activeOrExpiring));
        // every stored Active one, including any past its expiration date that the daily run has not reached
        long dropped = listed("--program " + program + " --status inactive") - inactive;
        assertTrue("dropped " + dropped + " of " + active, dropped >= active);
        browser.get(URL + "/processes?run=" + run);
        shown("run-details-rows-" + run);
        click("action-tracking-revert");
        shown("mass-drop-revert");
        until(d -> d.findElement(By.id("revert-plan")).getText().contains("moves " + dropped + " back"));
        documentScreenshot("tracking-mass-drop-revert");
        click("revert");
        click("revert-confirm-yes");
        until(d -> !d.findElement(By.id("revert-report")).getText().isBlank());
        until(d -> rows("revert-rows").stream().anyMatch(r -> r.contains("Moved back to Active")));
        assertEquals(active, listed(activeOrExpiring));
        assertEquals(inactive, listed("--program " + program + " --status inactive"));
    }
}
