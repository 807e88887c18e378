package org.certportal.completions.internal.shell;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.certportal.persistence.api.CsvImport;
import org.certportal.completions.api.CompletionService;
import org.certportal.completions.api.ImportMode;
import org.certportal.completions.api.ImportReport;

@Command(scope = "certportal", name = "completions-import", description = "Imports completions from a CSV file",
        detailedDescription = "UTF-8 CSV with the header contact,program,requirement,date,grade (contact = external"
                + " identifier, program = code, requirement = title or position, date = yyyy-mm-dd, grade = pass/fail,"
                + " a number, or empty). Every row is checked first and bad rows are listed as 'line N: reason';"
                + " when any row is bad nothing is imported, unless --good-rows-only.")
@Service
public class CompletionsImportCommand implements Action {
    @Reference
    CompletionService completions;

    @Option(name = "--good-rows-only", description = "import the good rows even when some are bad")
    boolean goodRowsOnly;

    @Option(name = "--dry-run", description = "check and report only; import nothing")
    boolean dryRun;

    @Argument(index = 0, name = "FILE", description = "the CSV file", required = true)
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("Cannot read the file " + path.toAbsolutePath() + ".");
        }
        ImportMode mode = dryRun ? ImportMode.DRY_RUN : goodRowsOnly ? ImportMode.GOOD_ROWS_ONLY
                : ImportMode.ALL_OR_NOTHING;
        ImportReport report;
        try (Reader reader = CsvImport.utf8(Files.newInputStream(path))) {
            report = completions.importCsv(reader, mode);
        }
        report.errors().forEach(System.out::println);
        System.out.printf("%,d rows, %,d imported, %,d enrollments earned%s%n", report.rows(),
                report.imported(), report.earned(), mode == ImportMode.DRY_RUN ? " (dry run)"
                        : !report.errors().isEmpty() && mode == ImportMode.ALL_OR_NOTHING
                                ? " (nothing imported: fix the rows or use --good-rows-only)" : "");
        return null;
    }
}
