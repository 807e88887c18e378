package org.certportal.credentials.internal.ui;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A list of student identifiers as staff paste or upload it: one or more per line, separated by commas,
 * semicolons or white space. A first line that names the column ({@code student_id}, {@code student} or
 * {@code id}) is a header; when it names several columns (a CSV file), only that column is read. Every
 * identifier is checked, with errors by line; one given twice counts once.
 *
 * @param ids each identifier once, in the order given
 * @param errors one sentence per bad line ("Line N: ..."); empty when all are good
 * @param repeated how many identifiers were given more than once (counted once)
 */
record StudentIdList(List<String> ids, List<String> errors, int repeated) {
    /** External identifiers as contacts keep them: letters, digits and . _ / - */
    static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]{0,63}");
    private static final Set<String> HEADERS = Set.of("student_id", "student", "id", "student id");

    StudentIdList {
        ids = List.copyOf(ids);
        errors = List.copyOf(errors);
    }

    static StudentIdList parse(String text) {
        String[] lines = (text == null ? "" : text).split("\\r?\\n|\\r", -1);
        int column = -1;
        int first = 0;
        if (lines.length > 0) {
            List<String> header = Arrays.stream(lines[0].split(",|;|\\t", -1))
                    .map(h -> h.replace("\"", "").strip().toLowerCase(Locale.ROOT)).toList();
            for (int i = 0; i < header.size() && column < 0; i++) {
                if (HEADERS.contains(header.get(i))) {
                    column = header.size() > 1 ? i : -1;
                    first = 1;
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        int repeated = 0;
        for (int i = first; i < lines.length; i++) {
            List<String> tokens;
            if (column >= 0) {
                if (lines[i].isBlank()) {
                    continue;
                }
                List<String> cells = cells(lines[i]);
                if (column >= cells.size() || cells.get(column).isBlank()) {
                    errors.add("Line " + (i + 1) + ": no student identifier in column " + (column + 1) + ".");
                    continue;
                }
                tokens = List.of(cells.get(column));
            } else {
                tokens = Arrays.asList(lines[i].split("[,;\\s]+"));
            }
            List<String> bad = new ArrayList<>();
            for (String token : tokens) {
                String t = token.replace("\"", "").strip();
                if (t.isEmpty()) {
                    continue;
                }
                if (!ID.matcher(t).matches()) {
                    bad.add("'" + t + "'");
                } else if (!ids.add(t)) {
                    repeated++;
                }
            }
            if (!bad.isEmpty()) {
                errors.add("Line " + (i + 1) + ": " + String.join(", ", bad) + (bad.size() == 1 ? " is" : " are")
                        + " not a student identifier (letters, digits and . _ / - only, at most 64).");
            }
        }
        return new StudentIdList(List.copyOf(ids), errors, repeated);
    }

    /** One line of a CSV file, its quoted cells unquoted (a comma inside quotes stays in its cell). */
    private static List<String> cells(String line) {
        try (CSVParser p = CSVFormat.RFC4180.builder().setDelimiter(line.indexOf(',') < 0 && line.indexOf(';') >= 0
                ? ';' : ',').build().parse(new StringReader(line))) {
            List<CSVRecord> records = p.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(line.split(",", -1));
        }
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
