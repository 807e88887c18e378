package org.certportal.completions.api;

import java.util.List;

/**
 * What a CSV import found and did.
 *
 * @param rows     data rows read (the header not counted)
 * @param imported rows stored (0 on a dry run, or when any row was bad and not only good rows were asked for)
 * @param earned   enrollments that became earned
 * @param errors   one "line N: reason" per bad row, in file order (the header is line 1)
 */
public record ImportReport(int rows, int imported, int earned, List<String> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }
}
