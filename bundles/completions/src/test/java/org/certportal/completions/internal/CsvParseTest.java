package org.certportal.completions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import org.certportal.persistence.api.CsvImport;
import org.junit.jupiter.api.Test;

class CsvParseTest {
    private static final String HEADER = "contact,program,requirement,date,grade\n";

    private static CsvImport.Result<CompletionImport.Row> parse(String csv) {
        return CompletionImport.parse(new StringReader(csv));
    }

    @Test
    void rowsCarryTheirLineInTheFile() {
        List<CompletionImport.Row> rows = parse("contact,program,requirement,date,grade\r\n"
                + "S1,P,1,2025-01-02,pass\r\n"
                + "S2,P,\"Written\nexam\",2025-01-03,\r\n"
                + "S3, P ,2,2025-01-04,81.5").rows();
        assertEquals(List.of(new CompletionImport.Row(2, "S1", "P", "1", "2025-01-02", "pass"),
                new CompletionImport.Row(3, "S2", "P", "Written\nexam", "2025-01-03", ""),
                new CompletionImport.Row(5, "S3", "P", "2", "2025-01-04", "81.5")), rows);
    }

    @Test
    void aShortRowHasEmptyValues() {
        assertEquals(new CompletionImport.Row(2, "S1", "P", "", "", ""), parse(HEADER + "S1,P\n").rows().get(0));
    }

    @Test
    void theHeaderNamesTheFiveColumnsInAnyOrderAndCase() {
        assertTrue(parse("contact,program,date\nS1,P,2025-01-01\n").errors().messages().get(0)
                .contains("the header lacks requirement, grade"));
        assertEquals(1, parse("Contact, Program ,REQUIREMENT,grade,date\nS,P,1,,2025-01-01").rows().size(),
                "any case, spaces and order");
    }

    @Test
    void anExtraColumnOrValueIsAnErrorNamingTheLine() {
        assertEquals(List.of("Line 1: the column 'notes' is not one this import reads (the columns are "
                + "contact,program,requirement,date,grade)."),
                parse("contact,program,requirement,date,grade,notes\n").errors().messages());
        assertEquals(List.of("Line 3: 6 values, but the header names 5 columns."),
                parse(HEADER + "S1,P,1,2025-01-01,\nS2,P,1,2025-01-01,,pass\n").errors().messages());
    }

    @Test
    void brokenQuotingIsReportedAsBadCsv() {
        assertTrue(parse(HEADER + "\"S1\"x,P,1,2025-01-01,\n").errors().messages().get(0)
                .startsWith("Line 2: the file is not valid CSV"));
    }
}
