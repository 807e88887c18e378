package org.certportal.masscert.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.masscert.internal.MassCertParameters.Criteria;
import org.certportal.process.api.ProcessParameters;
import org.junit.jupiter.api.Test;

class MassCertParametersTest {

    @Test
    void shellValuesBecomeCriteriaAndBack() {
        Criteria c = criteria(Map.of("program", " CPA ", "statuses", "approved, under review", "applied-from",
                "2026-01-01", "applied-through", "2026-06-30", "send-email", "no", "batch", "4"));
        assertEquals(new Criteria("CPA", Set.of(ApplicationStatus.APPROVED, ApplicationStatus.UNDER_REVIEW),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), false, 4L), c);
        assertTrue(c.hasApplicationCriteria());
        assertEquals(c, criteria(MassCertParameters.raw(c)));
    }

    @Test
    void theDefaultsSendTheEmailAndSelectAnyApplication() {
        Criteria c = criteria(Map.of("program", "CPA"));
        assertTrue(c.sendEmail());
        assertFalse(c.hasApplicationCriteria());
        assertEquals(null, c.batchId());
    }

    @Test
    void everyBadValueIsNamedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> criteria(Map.of("program",
                "CPA", "statuses", "APPROVED,PAID", "applied-from", "2026-07-01", "applied-through", "2026-06-30",
                "batch", "0")));
        assertTrue(e.getMessage().contains("Application status 'PAID' is not one of"), e.getMessage());
        assertTrue(e.getMessage().contains("Applied from (2026-07-01) is after applied through (2026-06-30)."));
        assertTrue(e.getMessage().contains("Accounting batch must be a batch's id, not 0."));
        assertEquals("Certification is required.", assertThrows(IllegalArgumentException.class,
                () -> criteria(Map.of())).getMessage());
    }

    static Criteria criteria(Map<String, String> raw) {
        return MassCertParameters.criteria(ProcessParameters.validate(MassCertParameters.DEFINITIONS, raw));
    }
}
