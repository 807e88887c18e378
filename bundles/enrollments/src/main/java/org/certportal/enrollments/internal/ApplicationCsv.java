package org.certportal.enrollments.internal;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of applications and checks each row on its own (the service then checks what needs
 * the database). Columns, in any order: {@code contact} (the contact's external identifier),
 * {@code program} (the program's code) and {@code applied} (yyyy-mm-dd); other columns are ignored.
 */
final class ApplicationCsv {
    static final List<String> COLUMNS = List.of("contact", "program", "applied");

    /** One row that reads well. */
    record Row(long line, String contact, String program, LocalDate appliedOn) {
    }

    record Parsed(List<Row> rows, List<String> errors, int read) {
    }

    private ApplicationCsv() {
    }

    static Parsed parse(Reader in, int maxRows) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        int read = 0;
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Set<String> columns = parser.getHeaderMap().keySet();
            List<String> missing = COLUMNS.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                errors.add("Line 1: the header lacks " + String.join(", ", missing) + " (columns: "
                        + String.join(",", COLUMNS) + ").");
                return new Parsed(rows, errors, 0);
            }
            for (CSVRecord r : parser) {
                read++;
                long line = parser.getCurrentLineNumber();
                if (read > maxRows) {
                    errors.add("Line " + line + ": a file holds at most " + maxRows + " rows; split it.");
                    break;
                }
                List<String> problems = new ArrayList<>();
                String contact = value(r, "contact");
                String program = value(r, "program");
                if (contact == null) {
                    problems.add("the contact's identifier is missing");
                }
                if (program == null) {
                    problems.add("the program code is missing");
                }
                LocalDate applied = null;
                String date = value(r, "applied");
                if (date == null) {
                    problems.add("the application date is missing");
                } else {
                    try {
                        applied = LocalDate.parse(date);
                    } catch (DateTimeParseException e) {
                        problems.add("the application date '" + date + "' is no date such as 2026-03-31");
                    }
                }
                if (problems.isEmpty()) {
                    rows.add(new Row(line, contact, program, applied));
                } else {
                    errors.add("Line " + line + ": " + String.join("; ", problems) + ".");
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            errors.add("The file is no CSV this import reads: " + e.getMessage());
        }
        return new Parsed(rows, errors, read);
    }

    private static String value(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
