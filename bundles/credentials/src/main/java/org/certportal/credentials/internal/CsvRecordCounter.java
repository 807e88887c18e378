package org.certportal.credentials.internal;

import java.io.OutputStream;

/**
 * Counts the data records of an RFC 4180 CSV stream with a header row as it is written, without keeping
 * it: line breaks inside quoted fields do not end a record. A run's result file of 100,000 lines is
 * counted in passing.
 */
final class CsvRecordCounter extends OutputStream {
    private boolean quoted;
    private long lineEnds;
    private boolean pendingLine;

    @Override
    public void write(int b) {
        if (b == '"') {
            // a doubled quote inside a quoted field toggles twice: the state is right again after it
            quoted = !quoted;
        }
        if (b == '\n' && !quoted) {
            lineEnds++;
            pendingLine = false;
        } else if (b != '\r') {
            pendingLine = true;
        }
    }

    /** Records after the header (a last line without a line break counts). */
    long records() {
        long lines = lineEnds + (pendingLine ? 1 : 0);
        return Math.max(0, lines - 1);
    }
}
