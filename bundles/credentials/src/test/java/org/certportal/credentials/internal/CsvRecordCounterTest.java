package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CsvRecordCounterTest {
    private static long count(String csv) throws IOException {
        CsvRecordCounter c = new CsvRecordCounter();
        c.write(csv.getBytes(StandardCharsets.UTF_8));
        return c.records();
    }

    @Test
    void countsRecordsAfterTheHeaderNotLineBreaksInQuotes() throws IOException {
        assertEquals(0, count(""));
        assertEquals(0, count("a,b\r\n"));
        assertEquals(2, count("a,b\r\n1,2\r\n3,4\r\n"));
        assertEquals(2, count("a,b\r\n1,\"two\r\nlines, \"\"quoted\"\"\"\r\n3,4"));
    }
}
