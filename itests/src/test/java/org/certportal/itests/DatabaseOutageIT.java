package org.certportal.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.Test;

/**
 * A portal started while its PostgreSQL is down comes up by itself once the database answers: the
 * areas wait (unsatisfied, with one WARN and no ERROR), and every area's views and commands appear
 * when a connection succeeds, with no restart and no operator. Then, on the same copy, a backup with
 * pg_dump of the portal with data, restored with pg_restore into a new database that the portal is
 * pointed at: it shows the counts of the backup. A distribution of its own, on a cluster of its own
 * that the test starts only after the portal is up.
 */
public class DatabaseOutageIT {
    private static final PortalCopy PORTAL = new PortalCopy("outage", 18381, 18301, 25436);
    /** The title of at least one view of every area with a page. */
    private static final List<String> VIEWS = List.of("Contacts", "Programs", "Enrollments", "Applications",
            "Approvals", "Tracking", "Credentials", "Accounting", "Mass certification", "Process Center",
            "Audit log", "Mail outbox", "Settings");
    /** A command of every area with commands: absent while the database is down. */
    private static final List<String> COMMANDS = List.of("process:list", "tracking:counts", "accounting:batches",
            "credentials:show", "enrollments:applications", "certportal:programs", "certportal:completions-import",
            "certportal:mail-test");
    /** What a backup must bring back, counted in the database. */
    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("contacts", "SELECT count(*) FROM contact");
        COUNTS.put("enrollments", "SELECT count(*) FROM enrollment");
        COUNTS.put("completions", "SELECT count(*) FROM completion");
        COUNTS.put("audit entries", "SELECT count(*) FROM audit_entry");
        // evidence files live in the database: their bytes must come back, not only their rows
        COUNTS.put("evidence files", "SELECT count(*) FROM completion_file WHERE encode(sha256(content), 'hex') = sha256");
    }

    @AfterClass
    public static void stopAll() throws Exception {
        PORTAL.stop();
        PORTAL.stopDatabase();
    }

    @Test
    public void areasWaitForAnUnreachableDatabaseAndComeUpOnceItAnswersThenABackupRestores() throws Exception {
        // the portal on PostgreSQL at a port where nothing answers yet
        PORTAL.unpack();
        KarafClient karaf = PORTAL.firstStart();
        PORTAL.await(Duration.ofSeconds(180), () -> PORTAL.log().contains("The database does not answer ("));
        PORTAL.await(Duration.ofSeconds(60), () -> PORTAL.shell("process:list").contains("not found"));
        assertFalse("no area's view while the database is down", PORTAL.shell("certportal:views").contains("Contacts"));

        PORTAL.startDatabase();
        PORTAL.await(Duration.ofSeconds(180), () -> {
            String views = PORTAL.shell("certportal:views");
            return VIEWS.stream().allMatch(views::contains);
        });
        // one ssh session for all (each costs seconds): every command answers with its usage
        String help = karaf.run(COMMANDS.stream().map(c -> c + " --help").toArray(String[]::new));
        assertEquals(help, COMMANDS.size(), help.lines()
                .filter(l -> l.replaceAll("\u001B\\[[;\\d]*m", "").strip().equals("SYNTAX")).count());
        assertTrue(karaf.run("process:list").contains("enrollments-consistency"));
        // one WARN per reason the database gave (refused; then, while the test creates it, no such database)
        List<String> warnings = PORTAL.log().lines().filter(l -> l.contains("| WARN ")
                && l.contains("The database does not answer (")).map(l -> l.substring(l.indexOf("The database"))).toList();
        assertEquals(String.join("\n", warnings), warnings.size(), warnings.stream().distinct().count());
        assertEquals(List.of(), PORTAL.errors());

        backupAndRestore(karaf);
        assertEquals(List.of(), PORTAL.errors());
    }

    /** Issue 16 point 10: pg_dump of a portal with data, pg_restore into a new database, the portal on it. */
    private static void backupAndRestore(KarafClient karaf) throws Exception {
        karaf.run("certportal:demo-data --seed 1");
        // an evidence file as the upload stores it (the upload's checks are CompletionFilesIT's)
        assertEquals(1, PORTAL.sqlLong("certportal", "WITH f AS (SELECT convert_to('%PDF-1.4 evidence', 'UTF8') AS c),"
                + " stored AS (INSERT INTO completion_file (id, completion_id, name, content_type, size_bytes, sha256,"
                + " content, uploaded_by, uploaded_at) SELECT 900001, (SELECT min(id) FROM completion), 'evidence.pdf',"
                + " 'application/pdf', length(c), encode(sha256(c), 'hex'), c, 'admin', now() FROM f RETURNING 1)"
                + " SELECT count(*) FROM stored"));
        Map<String, Long> before = counts("certportal");
        before.forEach((what, n) -> assertTrue("demo data has " + what, n > 0));
        String tracking = karaf.run("tracking:counts");

        Path dump = PORTAL.home().resolveSibling("outage-backup.dump");
        PORTAL.pgTool("pg_dump", "--format=custom", "--file=" + dump, "certportal");
        // the portal goes on working after the backup: the restored one must not show this
        karaf.run("certportal:demo-data --seed 2 contacts=7");
        assertEquals(before.get("contacts") + 7, counts("certportal").get("contacts").longValue());

        PORTAL.pgTool("createdb", "certportal_restored");
        PORTAL.pgTool("pg_restore", "--no-owner", "--exit-on-error", "--dbname=certportal_restored", dump.toString());
        Files.delete(dump);
        assertEquals(before, counts("certportal_restored"));

        long trackingStarts = migrations("tracking");
        PORTAL.useDatabase("certportal_restored");
        // every area starts again on the restored database, the last of them tracking
        PORTAL.await(Duration.ofSeconds(120), () -> migrations("tracking") > trackingStarts);
        PORTAL.await(Duration.ofSeconds(60), () -> {
            String views = PORTAL.shell("certportal:views");
            return VIEWS.stream().allMatch(views::contains);
        });
        assertEquals(tracking, karaf.run("tracking:counts"));
        assertEquals("the restored portal changed nothing at its start", before, counts("certportal_restored"));
    }

    /** How often the area's schema was found up to date: once per start of the area. */
    private static long migrations(String area) {
        return PORTAL.log().lines().filter(l -> l.contains("Schema of db/" + area + ".changelog.xml is up to date"))
                .count();
    }

    private static Map<String, Long> counts(String database) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, String> count : COUNTS.entrySet()) {
            counts.put(count.getKey(), PORTAL.sqlLong(database, count.getValue()));
        }
        return counts;
    }
}
