package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.After;
import org.junit.Test;
import org.openqa.selenium.By;

/**
 * Mass certification in headless Chromium as a Certification Manager: from a certification's page its
 * "Mass certify" action opens the form with the certification chosen; with a batch picked, "View customer
 * list" shows the dry run per person with its counts; "Run now" leads to the run in the Process Center,
 * which ends with an order per applicant; on the Accounting page one order is marked paid and that person
 * is Active. The cohort (a certification with a fee of 100.00 USD, three applicants whose exam awaits
 * approval) comes from {@code certportal:masscert-benchmark --prepare-only} in the shared portal.
 */
public class MassCertBrowserIT extends BrowserTest {
    private final KarafClient karaf = KarafClient.fromSystemProperties();

    @After
    public void removeBenchCommands() throws Exception {
        karaf.run("feature:uninstall certportal-bench");
    }

    @Test
    public void fromACertificationsPageThroughTheCustomerListToAnOrderPaidAndItsApplicantActive() throws Exception {
        karaf.run("feature:install certportal-bench");
        String prepared = karaf.run("certportal:masscert-benchmark --prepare-only --applicants 6");
        Matcher m = Pattern.compile("prepared: free=\\S+ fee=(\\S+) batch=(\\d+) free-id=\\d+ fee-id=(\\d+)")
                .matcher(prepared);
        assertTrue(prepared, m.find());
        String fee = m.group(1);
        String batch = m.group(2);
        String feeId = m.group(3);

        signIn("certmanager");
        browser.get(URL + "/programs/" + feeId);
        click("action-masscert-program");
        shown("masscert-view");
        until(d -> String.valueOf(d.findElement(By.cssSelector("#masscert-program input")).getAttribute("value"))
                .contains(fee));
        pick("masscert-batch", "Mass certification benchmark");
        click("masscert-customer-list");
        until(Duration.ofSeconds(60), d -> d.findElement(By.id("masscert-counts")).getText().contains(
                "3 would get an order to pay"));
        until(d -> cells("masscert-rows").stream().filter(c -> c.contains("order the fee of 100.00 USD")).count()
                == 3);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('masscert-counts').scrollIntoView({block: 'start'});");
        documentScreenshot("masscert-customer-list");
        assertEquals("the customer list changes nothing", "0 of 0 orders", lastLine(karaf.run(
                "accounting:orders --batch " + batch)));

        click("masscert-run-now");
        until(d -> d.getCurrentUrl().contains("processes?run="));
        long run = Long.parseLong(browser.getCurrentUrl().replaceAll(".*run=(\\d+).*", "$1"));
        shown("run-details-rows-" + run);
        until(Duration.ofSeconds(120), d -> karaf("process:show " + run).contains("State:      completed"));
        browser.navigate().refresh();
        shown("run-details-rows-" + run);
        documentScreenshot("masscert-run");
        assertTrue(karaf.run("accounting:orders --batch " + batch), lastLine(karaf.run("accounting:orders --batch "
                + batch)).startsWith("3 of 3"));

        browser.get(URL + "/accounting");
        shown("accounting-batches");
        clickCell("accounting-batches", "Mass certification benchmark " + fee.substring("MCFEE-".length()));
        shown("accounting-orders");
        until(d -> cells("accounting-orders").stream().anyMatch(c -> c.contains("Applicant 3")));
        tickRowsContaining("accounting-orders", "Applicant 3");
        click("accounting-mark-paid");
        click("accounting-paid-confirm");
        until(d -> cells("accounting-orders").stream().anyMatch(c -> c.equals("Paid")));
        documentScreenshot("masscert-order-paid");
        String active = karaf.run("tracking:list --program " + fee + " --status active");
        assertTrue(active, active.contains("Applicant 3"));
        String waiting = karaf.run("tracking:list --program " + fee + " --status awaiting-payment");
        assertTrue(waiting, waiting.contains("Applicant 4") && waiting.contains("Applicant 5")
                && !waiting.contains("Applicant 3"));
    }

    private String karaf(String command) {
        try {
            return karaf.run(command);
        } catch (Exception e) {
            return "";
        }
    }

    private static String lastLine(String out) {
        return out.strip().lines().reduce((a, b) -> b).orElse("");
    }
}
