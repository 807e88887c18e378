package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.persistence.api.CsvImport;
import org.certportal.process.api.ProcessParameters;
import org.junit.jupiter.api.Test;

class AchievedImportTest {

    @Test
    void readsGoodRowsAndNamesBadOnesByLine() throws Exception {
        CsvImport.Result<AchievedImport.Row> p = AchievedImport.parse(new StringReader("""
                student,type,achieved,session,school
                A1,hsd,2026-06-28,2026-06,S01

                B2,,2026-13-01,2026-06,S01
                C3,HSE,2026-06-20,2026-06,EXAM"""));
        assertEquals(3, p.read());
        assertEquals(List.of("Line 4: the credential type is missing; the achieved date '2026-13-01' is no date such as"
                + " 2026-06-30."), p.errors().messages());
        assertEquals(2, p.rows().size());
        AchievedImport.Row a1 = p.rows().get(0);
        assertEquals(2, a1.line());
        assertEquals("HSD", a1.typeCode(), "type codes in upper case");
        assertEquals(LocalDate.of(2026, 6, 28), a1.achievedOn());
        assertNull(a1.address());
        assertEquals(5, p.rows().get(1).line(), "the last line without a line break keeps its number");
    }

    @Test
    void anIncompleteAddressIsAnError() throws Exception {
        CsvImport.Result<AchievedImport.Row> p = AchievedImport.parse(new StringReader("""
                student,type,achieved,session,school,address_line1,address_line2,city,region,postal_code,country
                A1,HSD,2026-06-28,2026-06,S01,5 Elm St,,Toronto,ON,M5V 2T6,CA
                B2,HSD,2026-06-28,2026-06,S01,5 Elm St,,,,,CA
                C3,HSD,2026-06-28,2026-06,S01,,,,,,
                """));
        assertEquals(List.of("Line 3: the address is incomplete: no city, postal code."), p.errors().messages());
        assertEquals("5 Elm St, Toronto, ON, M5V 2T6, CA", p.rows().get(0).address().oneLine());
        assertNull(p.rows().get(1).address(), "an empty address is none");
    }

    @Test
    void aHeaderWithoutTheColumnsIsRefusedAtLineOne() throws Exception {
        CsvImport.Result<AchievedImport.Row> p = AchievedImport.parse(new StringReader("id,kind\n1,2\n"));
        assertEquals(1, p.errors().messages().size());
        assertEquals(true, p.errors().messages().get(0).contains("the header lacks student, type, achieved, session,"
                + " school"), p.errors().messages().toString());
    }

    @Test
    void anUnknownColumnIsAnErrorNotIgnored() throws Exception {
        CsvImport.Result<AchievedImport.Row> p = AchievedImport.parse(new StringReader("""
                student,type,achieved,session,school,remark
                A1,HSD,2026-06-28,2026-06,S01,late
                """));
        assertEquals(List.of(), p.rows());
        assertEquals(true, p.errors().messages().get(0).startsWith("Line 1: the column 'remark' is not one this "
                + "import reads"), p.errors().messages().toString());
    }

    @Test
    void criteriaGoToParametersAndBack() {
        AwardCriteria c = new AwardCriteria("hsd", "2026-06", "S01", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 6, 30), List.of("A1", "B2"));
        Map<String, String> raw = AwardParameters.raw(c);
        AwardCriteria back = AwardParameters.criteria(ProcessParameters.validate(AwardParameters.DEFINITIONS, raw));
        assertEquals(new AwardCriteria("HSD", "2026-06", "S01", c.achievedFrom(), c.achievedTo(), c.studentIds()),
                back);
        assertEquals(List.of("A1", "B2", "C3"), AwardParameters.studentIds(" A1, B2;B2\nC3 "));
        assertThrows(IllegalArgumentException.class, () -> AwardParameters.criteria(ProcessParameters.of(Map.of(
                AwardParameters.FROM, "2026-07-01", AwardParameters.TO, "2026-06-01"))));
    }
}
