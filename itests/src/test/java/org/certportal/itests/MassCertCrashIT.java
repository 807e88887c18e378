package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * kill -9 of Karaf in the middle of a mass certification on PostgreSQL, then a restart: the engine resumes
 * the run and every applicant is processed exactly once. A {@link PortalCopy} of the distribution
 * on a cluster of its own; the cohort comes from {@code certportal:masscert-benchmark
 * --prepare-only} (a free and a fee certification, each applicant's exam awaiting approval). Once some
 * chunks have committed the Karaf JVM is killed with SIGKILL; after the restart the runs finish and the
 * database shows each exam approved once, each applicant of the fee certification with one order and one
 * email, each free applicant Active with one email.
 */
public class MassCertCrashIT {
    private static final PortalCopy PORTAL = new PortalCopy("masscert-crash", 18481, 18401, 25438);
    private static final int APPLICANTS = 6000;

    @AfterClass
    public static void stopAll() throws Exception {
        PORTAL.killIfRunning();
        PORTAL.stopDatabase();
    }

    @Test
    public void aRunKilledMidwayResumesAfterTheRestartAndDoesNothingTwice() throws Exception {
        PORTAL.startDatabase();
        PORTAL.unpack();
        KarafClient karaf = PORTAL.firstStart();
        PORTAL.await(Duration.ofSeconds(240), () -> PORTAL.shell("process:list").contains("masscert"));
        PORTAL.shell("feature:install certportal-bench");
        PORTAL.await(Duration.ofSeconds(60), () -> PORTAL.shell("certportal:masscert-benchmark --help").contains(
                "--prepare-only"));
        String prepared = karaf.run("certportal:masscert-benchmark --prepare-only --applicants " + APPLICANTS);
        Matcher m = Pattern.compile("prepared: free=(\\S+) fee=(\\S+) batch=(\\d+)").matcher(prepared);
        assertTrue(prepared, m.find());
        String free = m.group(1);
        String fee = m.group(2);
        String batch = m.group(3);
        assertEquals(APPLICANTS, PORTAL.sqlLong("SELECT COUNT(*) FROM completion WHERE status ="
                + " 'AWAITING_APPROVAL'"));

        karaf.run("process:run masscert program=" + free + " send-email=yes",
                "process:run masscert program=" + fee + " send-email=yes batch=" + batch);
        // some chunks committed, the runs not over
        PORTAL.await(Duration.ofSeconds(300), () -> PORTAL.sqlLong("SELECT COUNT(*) FROM accounting_order") > 0
                && PORTAL.sqlLong("SELECT COUNT(*) FROM enrollment WHERE status = 'ACTIVE'") > 0);
        assertTrue("killed before the runs finished", PORTAL.sqlLong("SELECT COUNT(*) FROM process_run WHERE"
                + " type_id = 'masscert' AND state IN ('COMPLETED', 'FAILED', 'CANCELLED')") < 2);
        PORTAL.kill();
        long ordersAtKill = PORTAL.sqlLong("SELECT COUNT(*) FROM accounting_order");
        assertTrue("the kill came mid-run: " + ordersAtKill, ordersAtKill < APPLICANTS / 2);

        PORTAL.start();
        PORTAL.await(Duration.ofSeconds(600), () -> PORTAL.sqlLong("SELECT COUNT(*) FROM process_run WHERE"
                + " type_id = 'masscert' AND state = 'COMPLETED'") == 2);

        int half = APPLICANTS / 2;
        assertEquals("every exam approved", 0, PORTAL.sqlLong("SELECT COUNT(*) FROM completion WHERE status ="
                + " 'AWAITING_APPROVAL'"));
        assertEquals("each approved once", APPLICANTS, PORTAL.sqlLong("SELECT COUNT(*) FROM audit_entry WHERE"
                + " entity_type = 'completion' AND action = 'approved'"));
        assertEquals(half, PORTAL.sqlLong("SELECT COUNT(*) FROM enrollment WHERE status = 'ACTIVE'"));
        assertEquals(APPLICANTS - half, PORTAL.sqlLong("SELECT COUNT(*) FROM enrollment WHERE status ="
                + " 'AWAITING_PAYMENT'"));
        assertEquals("one order per applicant of the fee", APPLICANTS - half, PORTAL.sqlLong("SELECT COUNT(*) FROM"
                + " accounting_order"));
        assertEquals("no second order", APPLICANTS - half, PORTAL.sqlLong("SELECT COUNT(DISTINCT reference) FROM"
                + " accounting_order"));
        assertEquals("one email per applicant", APPLICANTS, PORTAL.sqlLong("SELECT COUNT(*) FROM mail_outbox WHERE"
                + " recipient LIKE 'applicant%'"));
        assertEquals("no one emailed twice", APPLICANTS, PORTAL.sqlLong("SELECT COUNT(DISTINCT recipient) FROM"
                + " mail_outbox WHERE recipient LIKE 'applicant%'"));
        assertEquals("every row done once", APPLICANTS, PORTAL.sqlLong("SELECT SUM(done_count) FROM process_run"
                + " WHERE type_id = 'masscert'"));
    }
}
