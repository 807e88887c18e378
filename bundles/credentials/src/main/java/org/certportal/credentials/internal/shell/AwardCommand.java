package org.certportal.credentials.internal.shell;

import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.credentials.api.AwardCriteria;
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.internal.AwardParameters;
import org.certportal.credentials.internal.AwardProcess;
import org.certportal.process.api.ProcessRun;
import org.certportal.process.api.ProcessService;

@Command(scope = "credentials", name = "award", description = "Awards and orders credentials in bulk",
        detailedDescription = "credentials:award [--type CODE] [--session S] [--school CODE] [--from DATE] [--to DATE]"
                + " [--students ID,ID,...] [--dry-run] --out DIR\n"
                + "Searches the achieved credentials not yet awarded, then runs the award process on the process engine"
                + " and waits for it. --dry-run changes nothing and writes pre-processing.csv; a run writes"
                + " post-processing-successful.csv (with the 'ordered' column) and post-processing-unsuccessful.csv"
                + " (with the reason) to DIR. One award run is active at a time.")
@Service
public class AwardCommand implements Action {
    @Reference
    CredentialService credentials;

    @Reference
    ProcessService processes;

    @Option(name = "--type", description = "credential type code, e.g. HSD")
    String type;

    @Option(name = "--session", description = "exam session or period, e.g. 2026-06")
    String session;

    @Option(name = "--school", description = "school or authority code")
    String school;

    @Option(name = "--from", description = "first achieved date, yyyy-MM-dd")
    String from;

    @Option(name = "--to", description = "last achieved date, yyyy-MM-dd")
    String to;

    @Option(name = "--students", description = "student identifiers separated by commas")
    String students;

    @Option(name = "--dry-run", description = "preview: change nothing, write the pre-processing file")
    boolean dryRun;

    @Option(name = "--out", required = true, description = "folder the CSV files are written to")
    String out;

    @Override
    public Object execute() throws Exception {
        Path dir = Path.of(out);
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("The folder " + dir.toAbsolutePath() + " does not exist or cannot be"
                    + " written.");
        }
        AwardCriteria criteria = new AwardCriteria(type, session, school, date(from, "--from"), date(to, "--to"),
                students == null ? List.of() : AwardParameters.studentIds(students));
        long found = credentials.countAwardable(criteria);
        System.out.printf("%,d achieved credentials not yet awarded match.%n", found);
        long id = credentials.startAward(criteria, dryRun);
        System.out.println((dryRun ? "Preview" : "Run") + " " + id + " started.");
        ProcessRun r = await(id);
        if (r.error() != null) {
            System.out.println("The run failed: " + r.error());
            return null;
        }
        List<String> files = dryRun ? List.of(AwardProcess.PRE)
                : List.of(AwardProcess.SUCCESSFUL, AwardProcess.UNSUCCESSFUL);
        for (String file : files) {
            Path target = dir.resolve(file);
            try (OutputStream o = Files.newOutputStream(target)) {
                processes.writeResultFile(id, file, o);
            }
            System.out.println("Wrote " + target.toAbsolutePath());
        }
        if (!dryRun) {
            long ordered = 0;
            long notOrdered = 0;
            try (Reader in = Files.newBufferedReader(dir.resolve(AwardProcess.SUCCESSFUL), StandardCharsets.UTF_8)) {
                for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(in)) {
                    if ("yes".equals(rec.get("ordered"))) {
                        ordered++;
                    } else {
                        notOrdered++;
                    }
                }
            }
            long unsuccessful;
            try (Reader in = Files.newBufferedReader(dir.resolve(AwardProcess.UNSUCCESSFUL), StandardCharsets.UTF_8)) {
                unsuccessful = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)
                        .getRecords().size();
            }
            System.out.printf("Awarded and ordered: %,d; awarded, not ordered: %,d; not awarded: %,d; failed"
                    + " students: %,d%n", ordered, notOrdered, unsuccessful, r.failed());
        }
        return null;
    }

    private ProcessRun await(long id) throws InterruptedException {
        String last = null;
        while (true) {
            ProcessRun r = processes.run(id).orElseThrow();
            String line = r.state() + (r.total() < 0 ? "" : String.format(": %,d of %,d students", r.processed(),
                    r.total()));
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            if (r.state().isFinal()) {
                return r;
            }
            Thread.sleep(1000); // a person watching: once a second is enough
        }
    }

    private static LocalDate date(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a date such as 2026-06-30, not '" + text + "'.");
        }
    }
}
