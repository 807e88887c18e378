package org.certportal.bench.internal.shell;

import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.bench.internal.CredentialsBenchmark;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.ImportReport;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;

// Raw-JDBC yardstick of: issuing_body (the cohort's schools, inserted as the scratch database's set-up)

@Command(scope = "certportal", name = "credentials-benchmark", description = "Measures a bulk award of credentials",
        detailedDescription = "Creates --students contacts, 20 schools (one without an address), and per student a"
                + " diploma achieved in one exam session (one in ten also a certificate, superseded), imported from"
                + " CSV with mailing addresses; then, timed end to end, searches them (the award's preview and its"
                + " pre-processing file), awards and orders them through the process engine and writes the three"
                + " CSV files; then writes the same rows (awarded credentials, document items, achieved credentials"
                + " marked) by raw JDBC batches into scratch copies of the tables and prints both and their ratio."
                + " PostgreSQL only; adds everything for good: run it on a scratch database. With --prepare-only it"
                + " creates the students, prints the session and runs nothing (the crash test's cohort).")
@Service
public class CredentialsBenchmarkCommand implements Action {
    @Reference
    ContactService contacts;

    @Reference
    CredentialService credentials;

    @Reference
    ProcessService processes;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--students", description = "students, one award each (default 100000)")
    int students = 100_000;

    @Option(name = "--prepare-only", description = "create the students and their achieved credentials, print the"
            + " session; run nothing")
    boolean prepareOnly;

    @Override
    public Object execute() throws Exception {
        if (students < 1 || students > 1_000_000) {
            throw new IllegalArgumentException("--students must lie between 1 and 1000000.");
        }
        long seed = System.currentTimeMillis();
        String session = "B" + (seed % 10_000_000_000L);
        long setupStarted = System.nanoTime();
        schools(seed);
        for (int start = 0; start < students; start += 10_000) {
            List<ContactDraft> drafts = new ArrayList<>();
            StringBuilder csv = new StringBuilder("student,type,achieved,session,school,address_line1,address_line2,"
                    + "city,region,postal_code,country\n");
            for (int i = start; i < Math.min(students, start + 10_000); i++) {
                String id = "CR" + seed + "-" + i;
                drafts.add(new ContactDraft("Bench", "Student " + i, "student" + i + "." + seed + "@example.org", null, id));
                String school = "BS" + seed % 100_000 + "-" + (1 + i % 20);
                csv.append(id).append(",HSD,2026-06-28,").append(session).append(',').append(school)
                        .append(',').append(i).append(" Main St,,Ottawa,ON,K1A 0B1,CA\n");
                if (i % 10 == 0) {
                    csv.append(id).append(",COA,2026-05-28,").append(session).append(',').append(school)
                            .append(",,,,,,\n");
                }
            }
            contacts.createAll(drafts);
            ImportReport report = credentials.importAchieved(new StringReader(csv.toString()), false);
            if (!report.errors().isEmpty()) {
                throw new IllegalStateException("The import was refused: " + report.errors().get(0));
            }
        }
        System.out.printf("prepared: session %s, %,d students in %.1f s%n", session, students,
                (System.nanoTime() - setupStarted) / 1e9);
        if (prepareOnly) {
            return null;
        }

        AwardCriteria search = new AwardCriteria(null, session, null, null, null, List.of());
        Path out = Files.createTempDirectory("credentials-benchmark");
        long started = System.nanoTime();
        long found = credentials.countAwardable(search);
        ProcessRun preview = finished(credentials.startAward(search, true));
        write(preview.id(), "pre-processing.csv", out);
        double searched = (System.nanoTime() - started) / 1e9;
        ProcessRun run = finished(credentials.startAward(search, false));
        write(run.id(), "post-processing-successful.csv", out);
        write(run.id(), "post-processing-unsuccessful.csv", out);
        double seconds = (System.nanoTime() - started) / 1e9;
        double[] raw = CredentialsBenchmark.rawSeconds(dataSource, run.id());
        System.out.printf("search (count %,d, preview %,d rows, pre-processing file): %.1f s%n", found, preview.total(),
                searched);
        System.out.printf("award and order of %,d students (%,d done, %,d skipped, %,d failed), three files written:"
                + " %.1f s end to end, %,.0f students/s%n", students, run.done(), run.skipped(), run.failed(),
                seconds, students / seconds);
        System.out.printf("raw JDBC batch of the same %,.0f rows: %.1f s; ratio %.2f%n", raw[1], raw[0],
                seconds / raw[0]);
        return null;
    }

    /** 20 schools, the seventh without an address (its students' documents are mailed to them). */
    private void schools(long seed) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO"
                + " issuing_body (id, code, name, kind, address_line1, city, postal_code, country)"
                + " VALUES (nextval('credential_id_seq'), ?, ?, 'SCHOOL', ?, 'Ottawa', 'K1A 0B1', 'CA')")) {
            for (int s = 1; s <= 20; s++) {
                ps.setString(1, "BS" + seed % 100_000 + "-" + s);
                ps.setString(2, "Benchmark school " + s);
                ps.setString(3, s == 7 ? null : s + " School Rd");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void write(long runId, String file, Path dir) throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve(runId + "-" + file))) {
            processes.writeResultFile(runId, file, out);
        }
    }

    private ProcessRun finished(long runId) throws InterruptedException {
        while (true) {
            ProcessRun r = processes.run(runId).orElseThrow();
            if (r.state().isFinal()) {
                if (r.error() != null) {
                    System.out.println("run " + runId + " " + r.state() + ": " + r.error());
                }
                return r;
            }
            Thread.sleep(100);
        }
    }
}
