package org.certportal.audit.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditWordingTest {

    @Test
    void statusesFlagsAndFieldNamesReadAsWords() {
        assertEquals("Status: In progress → Active; Fix: no → yes; Expires on: none → 2027-06-30",
                AuditWording.changes("status: IN_PROGRESS → ACTIVE\nfix: false → true\nexpiresOn: ∅ → 2027-06-30"));
    }

    @Test
    void valuesPeopleWroteStayAsWritten() {
        assertEquals("Family name: Doe → DOE; External id: A-1 → B", AuditWording.changes(
                "familyName: Doe → DOE\nexternal_id: A-1 → B"));
        assertEquals("a line of another shape", AuditWording.changes("a line of another shape"));
        assertEquals("", AuditWording.changes(null));
    }
}
