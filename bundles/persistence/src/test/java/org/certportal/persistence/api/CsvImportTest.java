package org.certportal.persistence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvImportTest {
    private static final List<String> REQUIRED = List.of("name", "date");

    private static CsvImport.Result<String> read(Reader in, int maxRows) {
        return CsvImport.read(in, REQUIRED, List.of("note"), maxRows, row -> {
            if (row.value("name") == null) {
                row.problem("the name is missing");
            }
            if (row.value("date") == null) {
                row.problem("the date is missing");
            }
            return row.value("name") + "@" + row.line();
        });
    }

    private static CsvImport.Result<String> read(String text) {
        return read(new StringReader(text), 100);
    }

    private static CsvImport.Result<String> readBytes(byte[] bytes) {
        return read(CsvImport.utf8(new ByteArrayInputStream(bytes)), 10_000);
    }

    @Test
    void goodRowsKeepTheirLinesAcrossBlankLinesAndQuotedLineBreaks() {
        CsvImport.Result<String> r = read("Name , DATE\na,1\n\n\"b\nc\",2\nd,3\n");
        assertEquals(List.of(), r.errors().messages());
        assertEquals(List.of("a@2", "b\nc@4", "d@6"), r.rows());
        assertEquals(3, r.read());
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] text = "name,date\nä,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(text, 0, file, 3, text.length);
        CsvImport.Result<String> r = readBytes(file);
        assertEquals(List.of(), r.errors().messages());
        assertEquals(List.of("ä@2"), r.rows());
    }

    @Test
    void latin1BytesAreRefusedNamingTheirLine() {
        StringBuilder csv = new StringBuilder("name,date\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("row").append(i).append(",1\n");
        }
        csv.append("Müller,2\n");
        CsvImport.Result<String> r = readBytes(csv.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), r.rows());
        List<String> messages = r.errors().messages();
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("Line 3,002 is not UTF-8 text"), messages.get(0));
    }

    @Test
    void textALenientDecoderReplacedIsRefusedToo() {
        byte[] latin1 = "name,date\nx,1\nJosé,2\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvImport.Result<String> r = read(new InputStreamReader(new ByteArrayInputStream(latin1),
                StandardCharsets.UTF_8), 100);
        assertTrue(r.errors().messages().get(0).startsWith("Line 3 is not UTF-8 text"), r.errors().messages()
                .toString());
    }

    @Test
    void anUnknownOrDoubledColumnOrAMissingOneRefusesTheHeader() {
        assertEquals(List.of("Line 1: the column 'extra' is not one this import reads; the column 'name' is named "
                + "twice; the header lacks date (the columns are name,date, optionally note)."),
                read("name,extra,NAME\na,b,c\n").errors().messages());
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsBad() {
        CsvImport.Result<String> r = read("name,date\na,1,surplus\nb,2\n");
        assertEquals(List.of("Line 2: 3 values, but the header names 2 columns."), r.errors().messages());
        assertEquals(List.of("b@3"), r.rows(), "the good rows, for the checks that need the database");
        assertEquals(false, r.ok());
    }

    @Test
    void everyBadRowIsCountedButOnlyTheFirstAreListed() {
        StringBuilder csv = new StringBuilder("name,date\n");
        int bad = ImportErrors.LISTED + 234;
        for (int i = 0; i < bad; i++) {
            csv.append("x,\n,\n");
        }
        CsvImport.Result<String> r = read(new StringReader(csv.toString()), 10_000);
        assertEquals(2 * bad, r.errors().badRows());
        List<String> messages = r.errors().messages();
        assertEquals(ImportErrors.LISTED + 1, messages.size());
        assertEquals("Line 2: the date is missing.", messages.get(0));
        assertEquals("Line 3: the name is missing; the date is missing.", messages.get(1));
        assertEquals(String.format("… and %,d more bad rows: %,d bad rows in all (the first %,d are listed).",
                2 * bad - ImportErrors.LISTED, 2 * bad, ImportErrors.LISTED), messages.get(ImportErrors.LISTED));
    }

    @Test
    void aFileOverTheRowLimitIsReadToItsEndToCountItsBadRowsAndKeepsNone() {
        CsvImport.Result<String> r = read(new StringReader("name,date\na,1\nb,2\nc,\nd,\n"), 2);
        assertEquals(List.of(), r.rows());
        assertEquals(4, r.read());
        assertEquals(List.of("A file holds at most 2 rows; this one has more (line 4). Split it.",
                "Line 4: the date is missing.", "Line 5: the date is missing."), r.errors().messages());
    }

    @Test
    void aLineLongerThanTheLimitStopsTheReadingWithoutHoldingIt() {
        InputStream endless = new InputStream() {
            private final byte[] head = "name,date\nx,".getBytes(StandardCharsets.UTF_8);
            private int at;

            @Override
            public int read() {
                return at < head.length ? head[at++] : 'y';
            }
        };
        CsvImport.Result<String> r = read(CsvImport.utf8(endless), 100);
        assertEquals(List.of("Line 2 is longer than 10,000 characters: this is not a file this import reads."),
                r.errors().messages());
    }

    @Test
    void brokenQuotingIsNamedWithItsLine() {
        List<String> messages = read("name,date\na,1\n\"b\"x,2\n").errors().messages();
        assertTrue(messages.get(0).startsWith("Line 3: the file is not valid CSV from here on"), messages.toString());
    }

    @Test
    void anEmptyFileNamesTheColumns() {
        assertEquals(List.of("The file is empty: its first line names the columns name,date, optionally note."),
                read("").errors().messages());
    }
}
