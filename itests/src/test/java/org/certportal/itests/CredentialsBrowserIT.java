package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.Test;
import org.openqa.selenium.By;

/**
 * The bulk credentials page in headless Chromium, through its three steps as the Student Records user:
 * search (pre-processing file), confirm, process and summary (successful and unsuccessful files), each
 * file read back; the page is refused to Staff.
 */
public class CredentialsBrowserIT extends BrowserTest {
    private static final int STUDENTS = 12;
    private final KarafClient karaf = KarafClient.fromSystemProperties();

    private String download(String linkId) throws Exception {
        String href = shown(linkId).getAttribute("href");
        return new String(Pdfs.download(href, browser.manage().getCookies()), StandardCharsets.UTF_8);
    }

    private static long number(String text) {
        Matcher m = Pattern.compile("([\\d,]+)").matcher(text);
        assertTrue(text, m.find());
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    public void studentRecordsSearchesConfirmsAndAwardsWithTheThreeFilesAndStaffIsRefused() throws Exception {
        String demo = karaf.run("certportal:demo-data --seed 83 credentials=" + STUDENTS);
        assertTrue(demo, !demo.contains("Error executing command"));
        // this test's students only: the pasted list of their identifiers
        String identifiers = IntStream.rangeClosed(1, STUDENTS).mapToObj(i -> "STU-83-" + i)
                .collect(Collectors.joining("\n"));

        signIn("staff");
        browser.get(URL + "/credentials");
        shown("access-denied");
        signOut();

        signIn("records");
        browser.get(URL + "/credentials");
        shown("credentials-view");
        type("credentials-students", identifiers);
        click("credentials-search");
        long found = number(shown("credentials-found").getText());
        assertTrue("the demo's students achieved credentials not yet awarded", found > 0);
        String pre = download("credentials-download-pre-processing");
        assertEquals(pre, "student_id,student_name,credential_type,achieved_on,session,school_or_authority,proposed,"
                + "delivery_method,delivery_address,reason", pre.lines().findFirst().orElse(""));
        assertTrue(pre, pre.lines().skip(1).allMatch(l -> l.startsWith("STU-83-")));
        documentScreenshot("credentials-search");

        click("credentials-next");
        assertEquals(found, number(shown("credentials-confirm-found").getText()));
        click("credentials-confirm");
        until(d -> !d.findElements(By.id("credentials-awarded-ordered")).isEmpty());
        long awardedOrdered = number(shown("credentials-awarded-ordered").getText().replaceAll(".*:", ""));
        long awardedNotOrdered = number(shown("credentials-awarded-not-ordered").getText().replaceAll(".*:", ""));
        documentScreenshot("credentials-summary");

        String successful = download("credentials-download-post-processing-successful");
        List<String> lines = successful.lines().toList();
        assertEquals(successful, "credential_number,student_id,student_name,credential_type,achieved_on,session,"
                + "school_or_authority,awarded_on,ordered,delivery_method,delivery_address,reason,replaces", lines.get(0));
        assertEquals("one line per credential awarded", awardedOrdered + awardedNotOrdered, lines.size() - 1);
        String unsuccessful = download("credentials-download-post-processing-unsuccessful");
        assertEquals(unsuccessful, "student_id,student_name,credential_type,achieved_on,session,school_or_authority,"
                + "outcome,reason", unsuccessful.lines().findFirst().orElse(""));

        // the numbers are real: the shell finds the first one awarded
        String number = lines.get(1).substring(0, lines.get(1).indexOf(','));
        String shown = karaf.run("credentials:show " + number);
        assertTrue(shown, shown.contains(number) && shown.contains("Student:"));

        click("credentials-another");
        shown("credentials-search");
    }
}
