package org.certportal.enrollments.internal.shell;

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
import org.certportal.enrollments.api.ApplicationService;
import org.certportal.enrollments.api.ImportReport;

@Command(scope = "enrollments", name = "import-applications", description = "Imports applications from a CSV file",
        detailedDescription = "UTF-8 CSV with the header contact,program,applied (contact = the contact's external"
                + " identifier, program = the program's code, applied = yyyy-mm-dd); the programs must have a related"
                + " application. Every row is checked first and bad rows are listed as 'Line N: reason'; when any row"
                + " is bad nothing is imported. Each application makes the contact's enrollment Applied. Needs the"
                + " enrollments.edit permission.")
@Service
public class ImportApplicationsCommand implements Action {
    @Reference
    ApplicationService applications;

    @Option(name = "--check", description = "check and report only; import nothing")
    boolean check;

    @Argument(index = 0, name = "FILE", description = "the CSV file", required = true)
    String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("Cannot read the file " + path.toAbsolutePath() + ".");
        }
        ImportReport report;
        try (Reader reader = CsvImport.utf8(Files.newInputStream(path))) {
            report = applications.importCsv(reader, check);
        }
        report.errors().forEach(System.out::println);
        System.out.printf("%,d rows, %,d imported%s%n", report.rows(), report.imported(), check ? " (check only)" : report.ok() ? "" : " (nothing imported: fix the rows)");
        return null;
    }
}
