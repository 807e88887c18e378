package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * kill -9 of Karaf in the middle of a bulk award of 20,000 credentials on PostgreSQL, then a restart: the
 * engine resumes the run, no credential number is given twice and no student is awarded twice. A
 * distribution of its own on a cluster of its own; the students come from {@code
 * certportal:credentials-benchmark --prepare-only} (each with a diploma and an address, one in ten also a
 * certificate that the diploma supersedes).
 */
public class CredentialsCrashIT {
    private static final PortalCopy PORTAL = new PortalCopy("credentials-crash", 18581, 18501, 25437);
    private static final int STUDENTS = 20_000;

    @AfterClass
    public static void stopAll() throws Exception {
        PORTAL.killIfRunning();
        PORTAL.stopDatabase();
    }

    @Test
    public void anAwardKilledMidwayResumesAfterTheRestartAndGivesNoNumberOrStudentTwice() throws Exception {
        PORTAL.startDatabase();
        PORTAL.unpack("?reWriteBatchedInserts=true");
        KarafClient karaf = PORTAL.firstStart();
        PORTAL.await(Duration.ofSeconds(240), () -> PORTAL.shell("process:list").contains("credentials-award"));
        PORTAL.shell("feature:install certportal-bench");
        PORTAL.await(Duration.ofSeconds(60), () -> PORTAL.shell("certportal:credentials-benchmark --help")
                .contains("--prepare-only"));
        String prepared = karaf.run("certportal:credentials-benchmark --prepare-only --students " + STUDENTS);
        Matcher m = Pattern.compile("prepared: session (\\S+),").matcher(prepared);
        assertTrue(prepared, m.find());
        String session = m.group(1);
        long selected = PORTAL.sqlLong("SELECT COUNT(*) FROM achieved_credential WHERE status = 'PENDING'");
        assertEquals(STUDENTS + STUDENTS / 10, selected);

        karaf.run("process:run credentials-award session=" + session);
        // some chunks committed, the run not over
        PORTAL.await(Duration.ofSeconds(300), () -> PORTAL.sqlLong("SELECT COUNT(*) FROM awarded_credential") > 0);
        PORTAL.kill();
        long atKill = PORTAL.sqlLong("SELECT COUNT(*) FROM awarded_credential");
        assertTrue("the kill came mid-run: " + atKill, atKill > 0 && atKill < STUDENTS);
        assertEquals("the run was not over", 0, PORTAL.sqlLong("SELECT COUNT(*) FROM process_run WHERE type_id ="
                + " 'credentials-award' AND state = 'COMPLETED'"));

        PORTAL.start();
        PORTAL.await(Duration.ofSeconds(600), () -> PORTAL.sqlLong("SELECT COUNT(*) FROM process_run WHERE"
                + " type_id = 'credentials-award' AND state = 'COMPLETED'") == 1);

        assertEquals("one diploma per student", STUDENTS, PORTAL.sqlLong("SELECT COUNT(*) FROM awarded_credential"));
        assertEquals("no student awarded twice", STUDENTS, PORTAL.sqlLong("SELECT COUNT(DISTINCT contact_id) FROM"
                + " awarded_credential"));
        assertEquals("no number given twice", STUDENTS, PORTAL.sqlLong("SELECT COUNT(DISTINCT number) FROM"
                + " awarded_credential"));
        assertEquals("no sequence number given twice", STUDENTS, PORTAL.sqlLong("SELECT COUNT(DISTINCT"
                + " sequence_no) FROM awarded_credential"));
        assertEquals("each awarded credential ordered once", STUDENTS, PORTAL.sqlLong("SELECT COUNT(DISTINCT"
                + " awarded_id) FROM document_order_item"));
        assertEquals(STUDENTS, PORTAL.sqlLong("SELECT COUNT(*) FROM document_order_item"));
        assertEquals("every diploma awarded", 0, PORTAL.sqlLong("SELECT COUNT(*) FROM achieved_credential WHERE"
                + " status = 'PENDING'"));
        assertEquals("the certificates superseded", STUDENTS / 10, PORTAL.sqlLong("SELECT COUNT(*) FROM"
                + " achieved_credential WHERE status = 'SUPERSEDED'"));
        assertEquals("every row done once", STUDENTS, PORTAL.sqlLong("SELECT done_count FROM process_run WHERE"
                + " type_id = 'credentials-award'"));
        assertEquals(0, PORTAL.sqlLong("SELECT failed_count FROM process_run WHERE type_id = 'credentials-award'"));
    }
}
