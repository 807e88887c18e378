package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/** The Process Center in headless Chromium: a scheduled run fires, shows its progress and its result downloads. */
public class ProcessCenterBrowserIT extends BrowserTest {
    private final KarafClient karaf = KarafClient.fromSystemProperties();

    /** The body rows of a grid, each as its cells' texts in column order. */
    @SuppressWarnings("unchecked")
    private List<List<String>> rows(String gridId) {
        return (List<List<String>>) ((JavascriptExecutor) browser).executeScript(
                "const grid = document.getElementById(arguments[0]); if (!grid) return [];"
                        + "return [...grid.shadowRoot.querySelectorAll('tbody tr')].filter(r => !r.hidden)"
                        + "  .map(r => [...r.querySelectorAll('slot')].flatMap(s => s.assignedElements())"
                        + "  .map(c => c.textContent.trim()));", gridId);
    }

    private static long enrollmentsIn(String demoOutput) {
        var m = java.util.regex.Pattern.compile("Enrolled (\\d[\\d,]*) demo enrollments").matcher(demoOutput);
        assertTrue(demoOutput, m.find());
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /**
     * A Certification Admin schedules the consistency checker a minute ahead; the engine fires it, the
     * Process Center shows it running or done without a reload, the history shows it Completed with
     * every enrollment checked, and its result file downloads as CSV with the documented columns.
     */
    @Test
    public void scheduleARunAMinuteAheadWatchItAndDownloadItsResult() throws Exception {
        String demo = karaf.run("certportal:demo-data --seed 61 contacts=120 programs=3 enrollments=150");
        assertTrue(demo, !demo.contains("Error executing command"));

        signIn("certadmin");
        browser.get(URL + "/processes");
        shown("process-center-title");
        int runsBefore = rows("history-grid").size();
        // runs of the tests before this one (in the shared portal) are in the history too
        Set<String> earlierRuns = rows("history-grid").stream().map(r -> r.get(0))
                .collect(Collectors.toSet());

        click("schedule-open");
        pick("schedule-type", "Enrollment consistency checker");
        // the next full minute after a whole minute from now: at least 60 s ahead, on the picker's 1-minute step
        LocalDateTime when = LocalDateTime.now().plusMinutes(2).withSecond(0).withNano(0);
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", shown("schedule-when"),
                when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        documentScreenshot("process-schedule-dialog");
        click("schedule-save");
        String shownTime = when.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        until(d -> rows("schedule-grid").stream().anyMatch(r -> r.contains("Enrollment consistency checker")
                && r.stream().anyMatch(c -> c.startsWith(shownTime))));
        documentScreenshot("process-center");

        // the engine fires it at that minute; the page learns of it by polling, without a reload
        until(Duration.ofSeconds(200), d -> rows("history-grid").size() > runsBefore
                || !d.findElements(By.cssSelector("[id^=active-run-]")).isEmpty());
        until(d -> rows("history-grid").stream().anyMatch(r -> r.contains("Completed") && !earlierRuns.contains(r.get(0))));
        List<String> run = rows("history-grid").stream()
                .filter(r -> r.contains("Completed") && !earlierRuns.contains(r.get(0))).findFirst().orElseThrow();
        long runId = Long.parseLong(run.get(0));
        assertEquals(List.of("Enrollment consistency checker"), run.subList(1, 2));
        assertTrue("started by the one who scheduled it: " + run, run.contains("certadmin"));
        assertTrue("the schedule fired it, not before its time", !LocalDateTime.now().isBefore(when));

        // the details: every selected enrollment checked, and the result file
        clickCell("history-grid", String.valueOf(runId));
        shown("run-details-rows-" + runId);
        long total = Long.parseLong(run.get(4).replace(",", ""));
        assertTrue("the demo's enrollments are there to check: " + run, total > 0 && enrollmentsIn(demo) > 0);
        until(d -> d.findElement(By.id("run-details-rows-" + runId)).getText()
                .startsWith(String.format("%,d of %,d rows", total, total)));
        documentScreenshot("process-run-details");
        String href = shown("run-download-" + runId + "-inconsistencies-csv").getAttribute("href");
        String csv = new String(Pdfs.download(href, browser.manage().getCookies()), StandardCharsets.UTF_8);
        assertEquals(csv, "enrollment,contact,program,stored status,expected status,reason,action",
                csv.lines().findFirst().orElse(""));
    }

}
