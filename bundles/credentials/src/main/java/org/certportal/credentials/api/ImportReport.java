package org.certportal.credentials.api;

import java.util.List;

/**
 * What an import of achieved credentials did.
 *
 * @param rows data rows read
 * @param imported achieved credentials stored (0 when any row had an error, or in a check only)
 * @param errors one sentence per bad row, starting with its line number; empty when all were good
 */
public record ImportReport(int rows, int imported, List<String> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
