package org.certportal.credentials.internal;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file of achieved credentials and checks each row on its own (the service then checks
 * what needs the database). Columns, in any order: {@code student} (external identifier), {@code type}
 * (credential type code), {@code achieved} (yyyy-MM-dd), {@code session}, {@code school} (school or
 * authority code); optional {@code address_line1, address_line2, city, region, postal_code, country}, the
 * student's mailing address, which replaces the one kept when given.
 */
final class AchievedImport {
    static final List<String> REQUIRED = List.of("student", "type", "achieved", "session", "school");
    static final List<String> ADDRESS = List.of("address_line1", "address_line2", "city", "region", "postal_code",
            "country");
    static final int MAX_ROWS = 200_000;

    /** One good row. @param address null when the file gives none */
    record Row(long line, String studentId, String typeCode, LocalDate achievedOn, String session, String schoolCode,
            PostalAddress address) {
    }

    record Parsed(List<Row> rows, List<String> errors, int read) {
    }

    private AchievedImport() {
    }

    static Parsed parse(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        int read = 0;
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            Set<String> columns = header.keySet();
            List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                errors.add("Line 1: the header lacks " + String.join(", ", missing) + " (columns: "
                        + String.join(",", REQUIRED) + ", optionally " + String.join(",", ADDRESS) + ").");
                return new Parsed(rows, errors, 0);
            }
            boolean withAddress = columns.containsAll(ADDRESS);
            for (CSVRecord r : parser) {
                read++;
                long line = parser.getCurrentLineNumber();
                if (read > MAX_ROWS) {
                    errors.add("Line " + line + ": a file holds at most " + MAX_ROWS + " rows; split it.");
                    break;
                }
                List<String> problems = new ArrayList<>();
                String student = value(r, "student");
                String type = value(r, "type");
                String session = value(r, "session");
                String school = value(r, "school");
                if (student == null) {
                    problems.add("the student identifier is missing");
                }
                if (type == null) {
                    problems.add("the credential type is missing");
                }
                if (session == null) {
                    problems.add("the session is missing");
                } else if (session.length() > 32) {
                    problems.add("the session is longer than 32 characters");
                }
                if (school == null) {
                    problems.add("the school or authority is missing");
                }
                LocalDate achieved = null;
                String date = value(r, "achieved");
                if (date == null) {
                    problems.add("the achieved date is missing");
                } else {
                    try {
                        achieved = LocalDate.parse(date);
                    } catch (DateTimeParseException e) {
                        problems.add("the achieved date '" + date + "' is no date such as 2026-06-30");
                    }
                }
                PostalAddress address = null;
                if (withAddress) {
                    address = new PostalAddress(value(r, "address_line1"), value(r, "address_line2"), value(r, "city"),
                            value(r, "region"), value(r, "postal_code"), value(r, "country"));
                    if (address.oneLine().isEmpty()) {
                        address = null;
                    } else if (address.problem().isPresent()) {
                        problems.add("the address is incomplete: " + address.problem().get());
                    }
                }
                if (problems.isEmpty()) {
                    rows.add(new Row(line, student, type.toUpperCase(Locale.ROOT), achieved, session, school, address));
                } else {
                    errors.add("Line " + line + ": " + String.join("; ", problems) + ".");
                }
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
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
