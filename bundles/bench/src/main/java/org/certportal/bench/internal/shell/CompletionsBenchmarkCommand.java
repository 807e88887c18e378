package org.certportal.bench.internal.shell;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.bench.internal.CompletionBenchmark;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.ImportMode;
import org.certportal.completions.api.ImportReport;
import org.certportal.contacts.api.ContactDraft;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;

@Command(scope = "certportal", name = "completions-benchmark", description = "Measures the CSV import of completions",
        detailedDescription = "Creates a program with " + CompletionsBenchmarkCommand.REQUIREMENTS + " requirements,"
                + " --rows / " + CompletionsBenchmarkCommand.REQUIREMENTS + " contacts enrolled in it, and a CSV of"
                + " --rows completions (every requirement of every contact, so every enrollment is earned); writes"
                + " the same rows by raw JDBC batch into a scratch copy of the completion table with the same indexes"
                + " (dropped afterwards), then imports the CSV through the service, and prints both rates. Adds the"
                + " program, contacts, enrollments and completions for good: run it on a scratch database.")
@Service
public class CompletionsBenchmarkCommand implements Action {
    static final int REQUIREMENTS = 4;

    @Reference
    CompletionService completions;

    @Reference
    ProgramService programs;

    @Reference
    ContactService contacts;

    @Reference
    EnrollmentService enrollments;

    @Reference(filter = "(osgi.jndi.service.name=certportal)")
    DataSource dataSource;

    @Option(name = "--rows", description = "completion rows to import (default 100000)")
    int rows = 100_000;

    @Override
    public Object execute() throws Exception {
        // one import file holds at most 200,000 rows: more would be refused after the people are created
        if (rows < REQUIREMENTS || rows > 200_000) {
            throw new IllegalArgumentException("--rows must be between " + REQUIREMENTS + " and 200,000.");
        }
        long seed = System.currentTimeMillis();
        int people = rows / REQUIREMENTS;
        Program program = freshProgram(seed);
        String prefix = "CB" + seed + "-";
        List<ContactDraft> drafts = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            drafts.add(new ContactDraft("Bench", "Completer " + i, null, null, prefix + i));
        }
        contacts.createAll(drafts);
        Map<String, Long> contactIds = new HashMap<>();
        contacts.findByExternalIds(drafts.stream().map(ContactDraft::externalId).toList())
                .forEach((externalId, contact) -> contactIds.put(externalId, contact.id()));
        LocalDate today = completions.today();
        Map<Long, Long> enrollmentByContact = new HashMap<>();
        for (Enrollment e : enrollments.enroll(program.id(), new ArrayList<>(contactIds.values()),
                today.minusDays(30)).enrolled()) {
            enrollmentByContact.put(e.contactId(), e.id());
        }

        StringBuilder csv = new StringBuilder("contact,program,requirement,date,grade\n");
        List<CompletionBenchmark.Row> raw = new ArrayList<>();
        for (Map.Entry<String, Long> contact : contactIds.entrySet()) {
            for (Requirement r : program.requirements()) {
                csv.append(contact.getKey()).append(',').append(program.code()).append(',').append(r.position())
                        .append(',').append(today).append(",\n");
                raw.add(new CompletionBenchmark.Row(enrollmentByContact.get(contact.getValue()), program.id(), r.id(),
                        r.title(), today));
            }
        }
        double rawRate = CompletionBenchmark.rawRowsPerSecond(dataSource, raw);
        long started = System.nanoTime();
        ImportReport report = completions.importCsv(new StringReader(csv.toString()), ImportMode.ALL_OR_NOTHING);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (!report.errors().isEmpty()) {
            System.out.println("The import refused rows: " + report.errors().get(0));
            return null;
        }
        double importRate = report.imported() / seconds;
        System.out.printf("import %,d completion rows from CSV (%,d enrollments earned): %,.0f rows/s in %.1f s;"
                + " raw JDBC batch of the same rows: %,.0f rows/s; ratio %.2f%n", report.imported(), report.earned(),
                importRate, seconds, rawRate, rawRate / importRate);
        return null;
    }

    private Program freshProgram(long seed) {
        Program p = programs.create(new ProgramDraft("CBENCH-" + seed, "Completions benchmark " + seed,
                "Created by certportal:completions-benchmark", ProgramOptions.defaults()));
        for (int i = 1; i <= REQUIREMENTS; i++) {
            programs.addRequirement(p.id(), new RequirementDraft("Benchmark requirement " + i, RequirementKind.OTHER,
                    GradeType.NONE, null, false, null));
        }
        Program withRequirements = programs.find(p.id()).orElseThrow();
        programs.changeStatus(p.id(), withRequirements.version(), ProgramStatus.ACTIVE);
        return programs.find(p.id()).orElseThrow();
    }
}
