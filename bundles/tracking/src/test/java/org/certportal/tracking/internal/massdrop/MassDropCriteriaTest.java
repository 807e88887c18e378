package org.certportal.tracking.internal.massdrop;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.ADMIN_REVIEW;
import static org.certportal.enrollments.api.CertificationStatus.APPLIED;
import static org.certportal.enrollments.api.CertificationStatus.CANCELLED;
import static org.certportal.enrollments.api.CertificationStatus.EXPIRED;
import static org.certportal.enrollments.api.CertificationStatus.INACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.certportal.enrollments.api.CertificationStatus.NOT_COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.certportal.process.api.ProcessParameters;
import org.junit.jupiter.api.Test;

/** The mass drop's parameters, the statuses each target takes, and which enrollments match. */
class MassDropCriteriaTest {
    private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    /** Only CPA exists; its code is written in capitals. */
    private static Optional<String> programs(String typed) {
        return typed.toUpperCase(Locale.ROOT).equals("CPA") ? Optional.of("CPA") : Optional.empty();
    }

    private static Map<String, String> good() {
        Map<String, String> raw = new HashMap<>();
        raw.put("program", "cpa");
        raw.put("expires-from", "2026-06-01");
        raw.put("expires-through", "2026-12-31");
        raw.put("statuses", "Active, in-progress");
        raw.put("target", "expired");
        raw.put("termination-date", "2026-12-31");
        raw.put("reason", "Program retired");
        return raw;
    }

    @Test
    void goodParametersAreWrittenInTheirOneFormAndReadBack() {
        ProcessParameters p = MassDropCriteria.validate(good(), MassDropCriteriaTest::programs);
        assertEquals("CPA", p.text("program").orElseThrow(), "the program's own code, also the run's scope");
        assertEquals("in-progress,active", p.text("statuses").orElseThrow(), "in the order of the statuses");
        assertEquals("false", p.text("notify").orElseThrow(), "no notice unless asked");
        MassDropCriteria c = MassDropCriteria.of(p);
        assertEquals(new MassDropCriteria("CPA", JUNE_1, DEC_31, Set.of(ACTIVE, IN_PROGRESS), EXPIRED, DEC_31,
                "Program retired", false), c);
        assertEquals("Active → Expired on 2026-12-31", c.change(ACTIVE));
        assertEquals("Mass drop, terminated on 2026-12-31: Program retired", c.auditReason());
    }

    @Test
    void theDefaultsTakeActiveCertificationsToExpired() {
        Map<String, String> raw = Map.of("program", "CPA", "termination-date", "2026-03-01", "reason", "closed");
        MassDropCriteria c = MassDropCriteria.of(MassDropCriteria.validate(raw, MassDropCriteriaTest::programs));
        assertEquals(Set.of(ACTIVE), c.statuses());
        assertEquals(EXPIRED, c.target());
        assertNull(c.expiresFrom());
        assertNull(c.expiresThrough());
    }

    @Test
    void everyBadParameterIsNamedInItsOwnSentence() {
        Map<String, String> raw = new HashMap<>();
        raw.put("program", "XYZ");
        raw.put("expires-from", "2026-12-31");
        raw.put("expires-through", "2026-06-01");
        raw.put("statuses", "active,declined");
        raw.put("target", "not-completed");
        raw.put("termination-date", "tomorrow");
        raw.put("colour", "red");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MassDropCriteria.validate(raw, MassDropCriteriaTest::programs));
        String m = e.getMessage();
        for (String said : new String[] {"There is no parameter 'colour'", "Termination date must be a date",
            "Reason is required.", "There is no program with the code 'XYZ'.",
            "An enrollment that is declined or active cannot become not completed; a mass drop to Not completed"
                    + " takes In progress, Admin review.",
            "The expiration range ends (2026-06-01) before it begins (2026-12-31)."}) {
            assertTrue(m.contains(said), "'" + said + "' in: " + m);
        }
    }

    @Test
    void aStatusThatDoesNotExistAndAnOverlongReasonAreRefused() {
        Map<String, String> raw = good();
        raw.put("statuses", "active,lapsed");
        raw.put("reason", "x".repeat(401));
        String m = assertThrows(IllegalArgumentException.class, () -> MassDropCriteria.validate(raw,
                MassDropCriteriaTest::programs)).getMessage();
        assertTrue(m.contains("There is no status 'lapsed'"), m);
        assertTrue(m.contains("The reason is too long: at most 400 characters."), m);
        raw.put("statuses", " , ");
        raw.put("reason", "ok");
        assertEquals("Name at least one status to take, e.g. active.", assertThrows(IllegalArgumentException.class,
                () -> MassDropCriteria.validate(raw, MassDropCriteriaTest::programs)).getMessage());
    }

    @Test
    void eachTargetTakesOnlyTheStatusesTheRulesMoveToIt() {
        assertNull(MassDropCriteria.takes(EXPIRED, Set.of(ACTIVE, IN_PROGRESS)));
        assertNull(MassDropCriteria.takes(INACTIVE, Set.of(ACTIVE, IN_PROGRESS)));
        assertNull(MassDropCriteria.takes(CANCELLED, Set.of(APPLIED, IN_PROGRESS, ADMIN_REVIEW, ACTIVE)));
        assertNull(MassDropCriteria.takes(NOT_COMPLETED, Set.of(IN_PROGRESS, ADMIN_REVIEW)));
        // final statuses never move, and an Active certification is not "not completed"
        for (var target : MassDropCriteria.TAKES.keySet()) {
            for (var closed : Set.of(EXPIRED, INACTIVE, CANCELLED, NOT_COMPLETED)) {
                assertTrue(MassDropCriteria.takes(target, Set.of(closed)) != null, closed + " -> " + target);
            }
        }
        assertEquals("An enrollment that is active cannot become not completed; a mass drop to Not completed takes"
                + " In progress, Admin review.", MassDropCriteria.takes(NOT_COMPLETED, Set.of(ACTIVE)));
        assertEquals("A mass drop sets Expired, Inactive, Cancelled or Not completed, not Active.",
                MassDropCriteria.takes(ACTIVE, Set.of(IN_PROGRESS)));
    }

    @Test
    void theRangeIncludesBothEndsAndAnEnrollmentWithoutExpirationDateOnlyMatchesWithoutOne() {
        MassDropCriteria c = new MassDropCriteria("CPA", JUNE_1, DEC_31, Set.of(ACTIVE), EXPIRED, DEC_31, "r", false);
        assertTrue(c.matches(ACTIVE, JUNE_1));
        assertTrue(c.matches(ACTIVE, DEC_31));
        assertFalse(c.matches(ACTIVE, JUNE_1.minusDays(1)));
        assertFalse(c.matches(ACTIVE, DEC_31.plusDays(1)));
        assertFalse(c.matches(IN_PROGRESS, JUNE_1), "a status not chosen");
        assertFalse(c.matches(ACTIVE, null));
        MassDropCriteria open = new MassDropCriteria("CPA", null, null, Set.of(ACTIVE), EXPIRED, DEC_31, "r", false);
        assertTrue(open.matches(ACTIVE, null));
        MassDropCriteria upTo = new MassDropCriteria("CPA", null, DEC_31, Set.of(ACTIVE), EXPIRED, DEC_31, "r", false);
        assertTrue(upTo.matches(ACTIVE, LocalDate.of(2020, 1, 1)));
    }

    @Test
    void aRealRunChangesNothingBeforeTheTerminationDate() {
        MassDropCriteria c = new MassDropCriteria("CPA", null, null, Set.of(ACTIVE), EXPIRED, DEC_31, "r", false);
        assertNull(c.tooEarly(DEC_31));
        assertNull(c.tooEarly(DEC_31.plusDays(3)), "a termination date in the past is kept as given");
        assertTrue(c.tooEarly(DEC_31.minusDays(1)).startsWith("Not changed yet: the termination date 2026-12-31"));
    }

    @Test
    void theNoticeSaysWhatHappenedAndWhy() {
        MassDropCriteria c = new MassDropCriteria("CPA", null, null, Set.of(ACTIVE), INACTIVE, DEC_31,
                "The program closed", true);
        var m = MassDropNotice.message("ada@example.org", "Ada", "Lovelace", "CPA", "Certified Public Accountant", c);
        assertEquals("Certified Public Accountant (CPA): your certification is inactive", m.subject());
        assertTrue(m.body().startsWith("Dear Ada Lovelace,"), m.body());
        assertTrue(m.body().contains("is inactive as of 2026-12-31") && m.body().contains("The program closed"),
                m.body());
    }
}
