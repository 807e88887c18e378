package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Headless Chromium through the certification feature areas: programs, enrollments and completions. */
public class CertificationBrowserIT extends BrowserTest {

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
        documentScreenshot("program-editor");
        browser.get(URL + "/programs");
        type("program-search", "BRW-PRG1");
        until(d -> cells("program-grid").stream().anyMatch(c -> c.contains("BRW-PRG1")));
        documentScreenshot("programs-list");

        signOut();
        signIn("staff");
        browser.get(programUrl);
        until(d -> d.findElement(By.id("program-title")).getText().startsWith("BRW-PRG1"));
        assertEquals(List.of("1. Written exam", "2. Ethics course", "3. Practice log"), requirementOrder());
        assertTrue("Staff see no edit buttons",
                browser.findElements(By.cssSelector("#requirement-add, #program-activate, #program-deactivate, #requirement-up-2"))
                        .stream().noneMatch(WebElement::isDisplayed));
    }

    /** Creates a contact through the Contacts view. */
    private void createContact(String given, String family, String externalId) {
        browser.get(URL + "/contacts");
        click("contact-new");
        type("contact-family-name", family);
        type("contact-given-name", given);
        type("contact-external-id", externalId);
        click("contact-save");
        until(d -> d.findElements(By.cssSelector("vaadin-notification-card")).stream()
                .anyMatch(n -> n.getText().contains(family)) || d.findElements(By.cssSelector("#contact-grid vaadin-grid-cell-content"))
                .stream().anyMatch(c -> externalId.equals(c.getText())));
    }

    private String tracker(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /**
     * Enrolls three contacts at once with a past date into a new program; the trackers follow an
     * edited expiration date; Staff may not cancel (the program does not allow enrollees to) but a
     * Certification Admin may; a Certification Manager purges the cancelled enrollment, which Staff
     * may not open; the contact's transcript is a PDF listing the program and its requirements.
     */
    @Test
    public void enrollTrackEditCancelPurgeAndPrintATranscript() throws Exception {
        String tag = "Brwenr" + Long.toString(System.nanoTime() % 100000, 36);
        signIn("certadmin");
        createActiveProgram("BRW-ENR");
        signOut();

        signIn("staff");
        documentScreenshot("home");
        for (int i = 1; i <= 3; i++) {
            createContact("Person" + i, tag, tag + "-" + i);
        }
        browser.get(URL + "/enrollments");
        pick("enrollment-program", "BRW-ENR");
        until(d -> "0 of 0".equals(tracker("tracker-earned")));
        click("enroll-open");
        type("enroll-contact-search", tag);
        until(d -> cells("enroll-contact-grid").stream().filter(c -> c.startsWith(tag + "-")).count() == 3);
        tickRowsContaining("enroll-contact-grid", tag + "-");
        // 380 days ago with 12 months to complete and 30 days' grace: in the grace period today
        java.time.LocalDate enrolledOn = java.time.LocalDate.now().minusDays(380);
        until(d -> d.findElement(By.id("enroll-date")).isEnabled() && d.findElement(By.id("enroll-submit")).isEnabled());
        type("enroll-date", datePickerText(enrolledOn));
        documentScreenshot("enroll-dialog");
        click("enroll-submit");
        until(d -> "0 of 3".equals(tracker("tracker-earned")) && "3".equals(tracker("tracker-grace")));
        assertEquals("0", tracker("tracker-enrolled"));
        assertEquals("0", tracker("tracker-expired"));
        documentScreenshot("enrollments-trackers");

        // Staff move one expiration date into the past: it leaves the grace period for Expired
        type("enrollee-search", tag);
        until(d -> cells("enrollee-grid").contains(tag + "-1"));
        browser.findElements(By.cssSelector("#enrollee-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(tag + "-1")).findFirst().orElseThrow().click();
        shown("enrollment-expires-on");
        assertTrue("the deadline is explained", shown("enrollment-deadline").getText().length() > 10);
        documentScreenshot("enrollment-panel");
        assertTrue("Staff may not cancel here: the program does not allow enrollees to cancel",
                browser.findElements(By.id("enrollment-cancel")).stream().noneMatch(WebElement::isDisplayed));
        type("enrollment-expires-on", datePickerText(java.time.LocalDate.now().minusDays(2)));
        click("enrollment-save");
        until(d -> "2".equals(tracker("tracker-grace")) && "1".equals(tracker("tracker-expired")));
        signOut();

        // a Certification Admin may cancel any enrollment
        signIn("certadmin");
        browser.get(URL + "/enrollments");
        pick("enrollment-program", "BRW-ENR");
        type("enrollee-search", tag);
        until(d -> cells("enrollee-grid").contains(tag + "-2"));
        browser.findElements(By.cssSelector("#enrollee-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(tag + "-2")).findFirst().orElseThrow().click();
        click("enrollment-cancel");
        confirmDialog();
        until(d -> "1".equals(tracker("tracker-grace")) && "0 of 2".equals(tracker("tracker-earned")));
        // for the staff guide: the same enrollees on the Tracking page, and one enrollment's status there
        browser.get(URL + "/tracking");
        type("tracking-search", tag);
        until(d -> cells("tracking-grid").contains(tag + "-1"));
        documentScreenshot("tracking");
        clickCell("tracking-grid", tag + "-1");
        shown("status-current");
        documentScreenshot("tracking-status");
        signOut();

        // purge: refused to Staff, done by a Certification Manager
        signIn("staff");
        browser.get(URL + "/enrollments-purge");
        shown("access-denied");
        signOut();
        signIn("certmanager");
        browser.get(URL + "/enrollments-purge");
        type("purge-search", tag);
        until(d -> cells("purge-grid").stream().anyMatch(c -> c.contains(tag + "-2")));
        tickRowsContaining("purge-grid", tag + "-2");
        documentScreenshot("enrollments-purge");
        click("purge-submit");
        confirmDialog();
        until(d -> d.findElement(By.id("purge-result")).getText().contains("1"));
        until(d -> cells("purge-grid").stream().noneMatch(c -> c.contains(tag + "-2")));

        // transcript of a contact still enrolled
        browser.get(URL + "/enrollee");
        pick("enrollee-contact", tag + "-3");
        WebElement link = shown("transcript-download");
        documentScreenshot("enrollee-page");
        String href = link.getAttribute("href");
        String pdfText = Pdfs.text(Pdfs.download(href, browser.manage().getCookies()));
        assertTrue(pdfText, pdfText.contains("Browser program BRW-ENR"));
        assertTrue(pdfText, pdfText.contains("Written exam") && pdfText.contains("Practice log"));
        assertTrue(pdfText, pdfText.contains(tag + "-3"));
    }

    /** The text of the editor's requirement list, for the requirement with this title. */
    private String requirementLine(String title) {
        return browser.findElements(By.cssSelector("#requirement-list [id^=requirement-]")).stream()
                .map(WebElement::getText).filter(t -> t.contains(title)).findFirst().orElse("");
    }

    /**
     * An in-order program whose first requirement needs a numeric grade and staff approval: Staff may
     * not record the second before the first is Complete, record the first with a grade and a PDF,
     * a Certification Admin approves it from the queue, Staff record the second and the enrollment is
     * earned (Active); the attached PDF downloads intact.
     */
    @Test
    public void recordAGradedCompletionWithAFileApproveItAndEarnTheCertification() throws Exception {
        String tag = "Brwcmp" + Long.toString(System.nanoTime() % 100000, 36);
        String code = "BRW-CMP";
        signIn("certadmin");
        browser.get(URL + "/programs");
        click("program-new");
        type("program-code", code);
        type("program-name", "Browser completions " + code);
        click("program-in-order");
        click("program-save");
        until(d -> d.findElement(By.id("program-title")).getText().startsWith(code));
        click("requirement-add");
        type("requirement-title", "Graded exam");
        pick("requirement-grade-type", "Numeric");
        until(d -> d.findElement(By.id("requirement-min-grade")).isEnabled());
        type("requirement-min-grade", "70");
        click("requirement-needs-approval");
        documentScreenshot("requirement-dialog");
        click("requirement-save");
        until(d -> requirementLine("Graded exam").contains("grade at least 70"));
        assertTrue(requirementLine("Graded exam"), requirementLine("Graded exam").contains("needs staff approval"));
        click("requirement-add");
        type("requirement-title", "Closing interview");
        click("requirement-save");
        until(d -> requirementLine("Closing interview").length() > 0);
        click("program-activate");
        until(d -> d.findElement(By.id("program-status")).getText().startsWith("Active"));
        signOut();

        signIn("staff");
        createContact("Candidate", tag, tag + "-1");
        browser.get(URL + "/enrollments");
        pick("enrollment-program", code);
        click("enroll-open");
        type("enroll-contact-search", tag);
        until(d -> cells("enroll-contact-grid").contains(tag + "-1"));
        tickRowsContaining("enroll-contact-grid", tag + "-1");
        until(d -> d.findElement(By.id("enroll-submit")).isEnabled());
        click("enroll-submit");
        until(d -> "0 of 1".equals(tracker("tracker-earned")));
        type("enrollee-search", tag);
        until(d -> cells("enrollee-grid").contains(tag + "-1"));
        browser.findElements(By.cssSelector("#enrollee-grid vaadin-grid-cell-content")).stream()
                .filter(c -> c.getText().equals(tag + "-1")).findFirst().orElseThrow().click();
        click("enrollment-record-completions");
        until(d -> d.findElement(By.id("completion-title")).getText().contains(tag));
        String progressUrl = browser.getCurrentUrl();

        // in order: the second requirement is not recordable yet
        shown("record-1");
        assertTrue("the out-of-order requirement is plain text", shown("requirement-title-2").isDisplayed());
        assertTrue(browser.findElements(By.id("record-2")).isEmpty());
        documentScreenshot("completion-page");

        click("record-1");
        shown("completion-grade");
        type("completion-grade", "85");
        type("completion-date", datePickerText(java.time.LocalDate.now()));
        java.nio.file.Path pdf = Pdfs.write(java.nio.file.Files.createTempFile("exam-sheet", ".pdf"),
                "Exam sheet of " + tag);
        shown("completion-upload").getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                .sendKeys(pdf.toAbsolutePath().toString());
        until(d -> d.findElement(By.id("completion-file")).getText().contains("will be attached"));
        documentScreenshot("completion-record-dialog");
        click("completion-save");
        until(d -> d.findElement(By.id("requirement-status-1")).getText().startsWith("Awaiting approval"));
        assertTrue(browser.findElement(By.id("requirement-status-1")).getText().contains("grade 85"));
        assertTrue("still not recordable before the approval", browser.findElements(By.id("record-2")).isEmpty());
        signOut();

        signIn("certadmin");
        browser.get(URL + "/approvals");
        pick("approvals-program", code);
        until(d -> cells("approvals-grid").contains(tag + "-1"));
        tickRowsContaining("approvals-grid", tag + "-1");
        documentScreenshot("approvals");
        click("approvals-approve");
        confirmDialog();
        until(d -> !cells("approvals-grid").contains(tag + "-1"));
        signOut();

        signIn("staff");
        browser.get(progressUrl);
        until(d -> d.findElement(By.id("requirement-status-1")).getText().startsWith("Complete"));
        assertTrue(browser.findElement(By.id("requirement-status-1")).getText().contains("approved by certadmin"));
        assertTrue("a Complete completion offers no edit", browser.findElements(By.id("record-1")).isEmpty());
        WebElement file = browser.findElements(By.cssSelector("[id^=completion-file-]")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        java.net.http.HttpResponse<byte[]> served = Pdfs.fetch(file.getAttribute("href"),
                browser.manage().getCookies());
        assertTrue(Pdfs.text(served.body()).contains("Exam sheet of " + tag));
        // whatever a stored file holds, the browser saves it and never runs it in the portal's origin
        assertEquals("application/pdf", served.headers().firstValue("Content-Type").orElse(""));
        String disposition = served.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition, disposition.startsWith("attachment; filename=\"" + pdf.getFileName())
                && disposition.contains("filename*=UTF-8''" + pdf.getFileName()));
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("sandbox; default-src 'none'",
                served.headers().firstValue("Content-Security-Policy").orElse(""));

        click("record-2");
        type("completion-date", datePickerText(java.time.LocalDate.now()));
        click("completion-save");
        until(d -> d.findElement(By.id("requirement-status-2")).getText().startsWith("Complete"));
        until(d -> d.findElement(By.id("completion-enrollment-status")).getText()
                .startsWith("Enrollment status: Active · earned " + java.time.LocalDate.now()));
        documentScreenshot("completion-earned");
    }
}
