package org.certportal.enrollments.internal;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.certportal.persistence.api.CsvImport;

/**
 * Reads a CSV file of applications and checks each row on its own (the service then checks what needs
 * the database), by the rules of every import ({@link CsvImport}: UTF-8, header, no extra columns, a row
 * limit). Columns, in any order: {@code contact} (the contact's external identifier), {@code program}
 * (the program's code) and {@code applied} (yyyy-mm-dd).
 */
final class ApplicationCsv {
    static final List<String> COLUMNS = List.of("contact", "program", "applied");

    /** One row that reads well. */
    record Row(long line, String contact, String program, LocalDate appliedOn) {
    }

    private ApplicationCsv() {
    }

    static CsvImport.Result<Row> parse(Reader in, int maxRows) {
        return CsvImport.read(in, COLUMNS, List.of(), maxRows, ApplicationCsv::row);
    }

    private static Row row(CsvImport.Row r) {
        String contact = r.value("contact");
        String program = r.value("program");
        if (contact == null) {
            r.problem("the contact's identifier is missing");
        }
        if (program == null) {
            r.problem("the program code is missing");
        }
        LocalDate applied = null;
        String date = r.value("applied");
        if (date == null) {
            r.problem("the application date is missing");
        } else {
            try {
                applied = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                r.problem("the application date '" + date + "' is no date such as 2026-03-31");
            }
        }
        return new Row(r.line(), contact, program, applied);
    }
}
