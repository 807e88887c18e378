package org.certportal.credentials.internal.shell;

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
import org.certportal.credentials.api.CredentialService;
import org.certportal.credentials.api.ImportReport;

@Command(scope = "credentials", name = "import", description = "Imports achieved credentials from a CSV file",
        detailedDescription = "UTF-8 CSV with the header student,type,achieved,session,school (student = external"
                + " identifier, type = credential type code, achieved = yyyy-mm-dd, school = school or authority code),"
                + " optionally address_line1,address_line2,city,region,postal_code,country (the student's mailing"
                + " address). Every row is checked first and bad rows are listed as 'Line N: reason'; when any row is"
                + " bad nothing is imported.")
@Service
public class ImportCommand implements Action {
    @Reference
    CredentialService credentials;

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
            report = credentials.importAchieved(reader, check);
        }
        report.errors().forEach(System.out::println);
        System.out.printf("%,d rows, %,d imported%s%n", report.rows(), report.imported(), check ? " (check only)" : report.ok() ? "" : " (nothing imported: fix the rows)");
        return null;
    }
}
