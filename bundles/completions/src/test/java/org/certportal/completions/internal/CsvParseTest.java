package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvParseTest {

    @Test
    void rowsCarryTheirLineInTheFile() {
        List<CompletionImport.Row> rows = CompletionImport.parse(new StringReader("contact,program,requirement,date,grade\r\n"
                + "S1,P,1,2025-01-02,pass\r\n"
                + "S2,P,\"Written\nexam\",2025-01-03,\r\n"
                + "S3, P ,2,2025-01-04,81.5"));
        assertEquals(List.of(new CompletionImport.Row(2, "S1", "P", "1", "2025-01-02", "pass"),
                new CompletionImport.Row(3, "S2", "P", "Written\nexam", "2025-01-03", ""),
                new CompletionImport.Row(5, "S3", "P", "2", "2025-01-04", "81.5")), rows);
    }

    @Test
    void aShortRowHasEmptyValues() {
        assertEquals(new CompletionImport.Row(2, "S1", "P", "", "", ""), CompletionImport.parse(new StringReader(
                "contact,program,requirement,date,grade\nS1,P\n")).get(0));
    }

    @Test
    void theHeaderMustBeTheExpectedOne() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompletionImport.parse(new StringReader(
                "contact,program,date\nS1,P,2025-01-01\n"))).getMessage().contains("header"));
        assertEquals(1, CompletionImport.parse(new StringReader("Contact, Program ,REQUIREMENT,date,grade\nS,P,1,2025-01-01,"))
                .size(), "any case and spaces");
    }

    @Test
    void brokenQuotingIsReportedAsBadCsv() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CompletionImport.parse(new StringReader(
                "contact,program,requirement,date,grade\n\"S1\"x,P,1,2025-01-01,\n"))).getMessage()
                .contains("not valid CSV"));
    }
}
