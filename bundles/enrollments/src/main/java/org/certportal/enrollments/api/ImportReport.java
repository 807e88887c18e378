package org.certportal.enrollments.api;

import java.util.List;

/**
 * What an import of applications did.
 *
 * @param rows     data rows read
 * @param imported applications stored (0 when any row had an error, or in a check only)
 * @param errors   one sentence per bad row, starting with its line number ("Line 3: ..."); empty when
 *                 every row was good
 */
public record ImportReport(int rows, int imported, List<String> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
