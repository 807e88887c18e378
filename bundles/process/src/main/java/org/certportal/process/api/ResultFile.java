package org.certportal.process.api;

import java.util.List;
import java.util.Objects;

/**
 * A CSV file (RFC 4180, UTF-8, header row) a process type writes rows to while it runs; staff
 * download it from the run. Every run also has the engine's own {@value #OUTCOMES} (row key,
 * outcome, message).
 *
 * @param name file name ending in .csv, e.g. {@code awarded.csv}
 * @param header the column names
 */
public record ResultFile(String name, List<String> header) {
    /** The engine's file of every row's outcome. */
    public static final String OUTCOMES = "outcomes.csv";

    public ResultFile {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]{0,58}\\.csv")) {
            throw new IllegalArgumentException("A result file name is lower case letters, digits and '-', ending in"
                    + " .csv: " + name);
        }
        if (name.equals(OUTCOMES)) {
            throw new IllegalArgumentException(OUTCOMES + " is the engine's own result file.");
        }
        header = List.copyOf(header);
        if (header.isEmpty()) {
            throw new IllegalArgumentException("The result file " + name + " needs a header.");
        }
    }
}
