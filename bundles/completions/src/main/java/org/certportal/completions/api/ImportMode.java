package org.certportal.completions.api;

/** What a CSV import does with bad rows. */
public enum ImportMode {
    /** any bad row: nothing is imported */
    ALL_OR_NOTHING,
    /** the good rows are imported, the bad ones reported */
    GOOD_ROWS_ONLY,
    /** validate and report only */
    DRY_RUN
}
