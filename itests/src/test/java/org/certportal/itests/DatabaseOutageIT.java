package org.certportal.itests;

import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * A portal started while its PostgreSQL is down comes up by itself once the database answers: the
 * areas whose migrations could not connect wait, and start again when a connection succeeds, with
 * no restart and no operator. A distribution of its own, on a cluster of its own that the test
 * starts only after the portal is up.
 */
public class DatabaseOutageIT {
    private static final PortalCopy PORTAL = new PortalCopy("outage", 18381, 18301, 25436);
    /** Areas with tables: each must run again once the database is back. */
    private static final List<String> AREAS = List.of("org.certportal.audit", "org.certportal.settings",
            "org.certportal.contacts", "org.certportal.mail", "org.certportal.process", "org.certportal.programs",
            "org.certportal.enrollments", "org.certportal.completions");

    @AfterClass
    public static void stopAll() throws Exception {
        PORTAL.stop();
        PORTAL.stopDatabase();
    }

    @Test
    public void areasStoppedByAnUnreachableDatabaseStartOnceItAnswers() throws Exception {
        // the portal on PostgreSQL at a port where nothing answers yet
        PORTAL.unpack();
        KarafClient karaf = PORTAL.firstStart();
        // the audit log migrates first; what builds on it (the engine among them) waits with it
        PORTAL.await(Duration.ofSeconds(180), () -> PORTAL.log().contains("the database does not answer:"
                + " org.certportal.audit waits for it"));
        // the engine's commands are gone while the database is down
        PORTAL.await(Duration.ofSeconds(60), () -> {
            try {
                return karaf.run("process:list").contains("not found");
            } catch (Exception e) {
                return false;
            }
        });

        PORTAL.startDatabase();
        PORTAL.await(Duration.ofSeconds(180), () -> {
            try {
                String bundles = karaf.run("bundle:list -s -t 0 --no-format");
                return AREAS.stream().allMatch(a -> bundles.lines().anyMatch(l -> l.contains("Active")
                        && l.trim().endsWith(a)));
            } catch (Exception e) {
                return false;
            }
        });
        String processes = karaf.run("process:list");
        assertTrue(processes, processes.contains("enrollments-consistency"));
        assertTrue("the contacts service works on the database that came back",
                karaf.run("certportal:demo-data --list").toLowerCase().contains("contacts"));
    }
}
