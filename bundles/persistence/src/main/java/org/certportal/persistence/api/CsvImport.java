package org.certportal.persistence.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files staff import, by one set of rules for every import:
 * <ul>
 * <li>UTF-8 only: a byte-order mark is skipped; bytes that are not UTF-8 (a file saved as Latin-1 or
 * Windows-1252) refuse the file, naming the line ({@link #utf8} decodes strictly; text decoded by
 * someone else is refused where it holds the replacement character U+FFFD).</li>
 * <li>The first line names the columns (case and surrounding spaces ignored): each required column
 * once, no column the import does not know, and no row with more values than the header.</li>
 * <li>No line longer than {@link #MAX_LINE_CHARS} characters, at most {@code maxRows} rows.</li>
 * </ul>
 * The file is read as a stream, one row at a time: each row is checked on its own by the caller's
 * {@link RowReader} and only good rows up to the row limit are kept, so memory is bounded by the
 * limit, never by the file's size. A file over the limit is still read to its end to count its bad
 * rows (without keeping any row), and refused. Bad rows are collected in {@link ImportErrors}: all
 * counted, the first listed by line.
 */
public final class CsvImport {
    /** The longest line read; a longer one is not a row of any import (and would fill memory). */
    public static final int MAX_LINE_CHARS = 10_000;

    private CsvImport() {
    }

    /** Checks one row on its own and makes the caller's row of it, or reports its problems on the row. */
    @FunctionalInterface
    public interface RowReader<R> {
        /** @return the row, ignored when problems were reported on {@code row} */
        R read(Row row);
    }

    /** One data row: its values by column name, its line, and the problems found in it. */
    public static final class Row {
        private final long line;
        private final CSVRecord record;
        private final Map<String, Integer> columns;
        private final List<String> problems = new ArrayList<>();

        Row(long line, CSVRecord record, Map<String, Integer> columns) {
            this.line = line;
            this.record = record;
            this.columns = columns;
        }

        /** The line the row starts on (the header is line 1). */
        public long line() {
            return line;
        }

        /** The value stripped of surrounding spaces, or null when the column is absent or blank. */
        public String value(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= record.size()) {
                return null;
            }
            String v = record.get(i);
            return v == null || v.isBlank() ? null : v.strip();
        }

        /** Records a problem; the row is then bad. Write it as a phrase: "the date is missing". */
        public void problem(String problem) {
            problems.add(problem);
        }

        /** Whether a problem has been recorded. */
        public boolean bad() {
            return !problems.isEmpty();
        }
    }

    /**
     * What a file held: its good rows (none when the file as a whole is refused or over the limit;
     * import them only when {@link #ok()}, after the checks that need the database), the number of
     * data rows read, and the errors, to which those checks add theirs.
     */
    public record Result<R>(List<R> rows, int read, ImportErrors errors) {
        /** Whether the file and every row are good. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A strict UTF-8 reader of the bytes: what is not UTF-8 is refused by {@link #read}, not replaced. */
    public static Reader utf8(InputStream in) {
        return new StrictUtf8Reader(in);
    }

    /**
     * Reads the file to its end.
     *
     * @param required the columns every file has (lower case)
     * @param optional the columns a file may have (lower case)
     * @param maxRows the most data rows a file may hold
     */
    public static <R> Result<R> read(Reader in, List<String> required, List<String> optional, int maxRows,
            RowReader<R> reader) {
        ImportErrors errors = new ImportErrors();
        List<R> rows = new ArrayList<>();
        int read = 0;
        // blank lines come as one-value records, so each record's first line is known exactly
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();
        long before = 0;
        try (CSVParser parser = CSVParser.parse(new ImportText(in), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                errors.file("The file is empty: its first line names the columns " + columns(required, optional)
                        + ".");
                return new Result<>(List.of(), 0, errors);
            }
            Map<String, Integer> columns = header(records.next(), required, optional, errors);
            if (columns == null) {
                return new Result<>(List.of(), 0, errors);
            }
            before = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = before + 1;
                before = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                read++;
                if (read == maxRows + 1) {
                    errors.file(String.format("A file holds at most %,d rows; this one has more (line %,d). Split it.",
                            maxRows, line));
                    rows.clear();
                }
                Row row = new Row(line, record, columns);
                if (record.size() > columns.size()) {
                    row.problem(record.size() + " values, but the header names " + columns.size() + " columns");
                }
                R made = reader.read(row);
                if (row.bad()) {
                    errors.line(line, String.join("; ", row.problems) + ".");
                } else if (read <= maxRows) {
                    rows.add(made);
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            errors.file(unreadable(e, before + 1));
            return new Result<>(List.of(), read, errors);
        } catch (IOException e) {
            errors.file(unreadable(e, before + 1));
            return new Result<>(List.of(), read, errors);
        }
        return new Result<>(rows, read, errors);
    }

    private static Map<String, Integer> header(CSVRecord first, List<String> required, List<String> optional,
            ImportErrors errors) {
        Map<String, Integer> columns = new HashMap<>();
        Set<String> known = new LinkedHashSet<>(required);
        known.addAll(optional);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i).strip().toLowerCase(Locale.ROOT);
            if (!known.contains(name)) {
                problems.add(name.isEmpty() ? "column " + (i + 1) + " has no name" : "the column '" + first.get(i)
                        .strip() + "' is not one this import reads");
            } else if (columns.putIfAbsent(name, i) != null) {
                problems.add("the column '" + name + "' is named twice");
            }
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add("the header lacks " + String.join(", ", missing));
        }
        if (problems.isEmpty()) {
            return columns;
        }
        errors.file("Line 1: " + String.join("; ", problems) + " (the columns are " + columns(required, optional)
                + ").");
        return null;
    }

    private static String columns(List<String> required, List<String> optional) {
        return String.join(",", required) + (optional.isEmpty() ? "" : ", optionally " + String.join(",", optional));
    }

    /** Our own refusal (encoding, line length) as it is; a CSV syntax error with the line it started on. */
    private static String unreadable(Exception e, long line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ImportText.Refused refused) {
                return refused.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "Line " + line + ": the file is not valid CSV from here on (" + root.getMessage() + ").";
    }
}
