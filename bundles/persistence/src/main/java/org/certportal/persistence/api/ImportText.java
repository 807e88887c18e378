package org.certportal.persistence.api;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * The characters of an import file as {@link CsvImport} reads them: a leading byte-order mark
 * dropped, lines counted, and a line too long or text that was not UTF-8 (undecodable bytes, or the
 * replacement character a lenient decoder put in their place) refused with its line.
 */
final class ImportText extends FilterReader {
    /** A refusal whose message names the line; passed on as it is. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    private static final char BOM = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private long line = 1;
    private int lineChars;
    private boolean started;

    ImportText(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(buf, off, len);
            if (!started && n > 0) {
                started = true;
                if (buf[off] == BOM) {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buf, off, len);
                    }
                }
            }
        } catch (CharacterCodingException e) {
            throw notUtf8();
        }
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (c == '\n') {
                line++;
                lineChars = 0;
            } else if (c == REPLACEMENT) {
                throw notUtf8();
            } else if (++lineChars > CsvImport.MAX_LINE_CHARS) {
                throw new Refused(String.format("Line %,d is longer than %,d characters: this is not a file this "
                        + "import reads.", line, CsvImport.MAX_LINE_CHARS));
            }
        }
        return n;
    }

    private Refused notUtf8() {
        return new Refused(String.format("Line %,d is not UTF-8 text (was the file saved as Latin-1 or Windows-1252?): "
                + "save it as UTF-8 (CSV UTF-8) and import it again.", line));
    }
}
