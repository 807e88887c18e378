package org.certportal.credentials.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.certportal.credentials.api.CredentialType;
import org.certportal.credentials.internal.CredentialAwarder.Achieved;
import org.certportal.credentials.internal.CredentialAwarder.Decision;
import org.certportal.credentials.internal.CredentialAwarder.Held;
import org.certportal.credentials.internal.CredentialAwarder.Outcome;
import org.junit.jupiter.api.Test;

class CredentialAwarderTest {
    static final CredentialType DIPLOMA = new CredentialType(1, "HSD", "High School Diploma", 300);
    static final CredentialType EQUIVALENCY = new CredentialType(2, "HSE", "High School Equivalency Certificate", 200);
    static final CredentialType ACHIEVEMENT = new CredentialType(3, "COA", "Certificate of Achievement", 100);
    static final LocalDate JUNE = LocalDate.of(2026, 6, 30);

    @Test
    void theOnlyCredentialIsAwarded() {
        Achieved a = new Achieved(1, DIPLOMA, JUNE);
        Decision d = CredentialAwarder.decide(List.of(a), List.of(), List.of());
        assertEquals(Optional.of(a), d.award());
        assertTrue(d.superseded().isEmpty() && d.refused().isEmpty() && d.waiting().isEmpty());
    }

    @Test
    void theHighestWinsAndTheLowerOnesAreSuperseded() {
        Achieved coa = new Achieved(1, ACHIEVEMENT, JUNE.minusYears(1));
        Achieved hsd = new Achieved(2, DIPLOMA, JUNE);
        Achieved hse = new Achieved(3, EQUIVALENCY, JUNE);
        Decision d = CredentialAwarder.decide(List.of(coa, hsd, hse), List.of(), List.of());
        assertEquals(Optional.of(hsd), d.award());
        assertEquals(List.of(hse, coa), d.superseded().stream().map(Outcome::achieved).toList());
        assertTrue(d.superseded().get(0).reason().contains("Superseded by High School Diploma"));
    }

    @Test
    void amongTwoOfOneTypeTheEarlierIsAwarded() {
        Achieved later = new Achieved(1, DIPLOMA, JUNE);
        Achieved earlier = new Achieved(2, DIPLOMA, JUNE.minusMonths(6));
        Decision d = CredentialAwarder.decide(List.of(later, earlier), List.of(), List.of());
        assertEquals(Optional.of(earlier), d.award());
        assertEquals(List.of(later), d.superseded().stream().map(Outcome::achieved).toList());
    }

    @Test
    void aStudentHoldingAHigherOneIsRefusedWithTheReason() {
        Held diploma = new Held(9, "HSD-2025-0000001-00", DIPLOMA);
        Achieved hse = new Achieved(1, EQUIVALENCY, JUNE);
        Decision d = CredentialAwarder.decide(List.of(hse), List.of(), List.of(diploma));
        assertEquals(Optional.empty(), d.award());
        assertEquals(1, d.refused().size());
        assertEquals("The student already holds High School Diploma HSD-2025-0000001-00, which ranks above High"
                + " School Equivalency Certificate.", d.refused().get(0).reason());
        assertTrue(d.supersededHeld().isEmpty(), "nothing held changes");
    }

    @Test
    void aStudentHoldingTheSameTypeIsRefused() {
        Held diploma = new Held(9, "HSD-2025-0000001-00", DIPLOMA);
        Decision d = CredentialAwarder.decide(List.of(new Achieved(1, DIPLOMA, JUNE)), List.of(), List.of(diploma));
        assertEquals(Optional.empty(), d.award());
        assertEquals("The student already holds High School Diploma HSD-2025-0000001-00.", d.refused().get(0).reason());
    }

    @Test
    void aHigherAwardSupersedesWhatTheStudentHeldAndLinksToIt() {
        Held coa = new Held(8, "COA-2024-0000001-00", ACHIEVEMENT);
        Held hse = new Held(9, "HSE-2025-0000002-00", EQUIVALENCY);
        Achieved hsd = new Achieved(1, DIPLOMA, JUNE);
        Decision d = CredentialAwarder.decide(List.of(hsd), List.of(), List.of(coa, hse));
        assertEquals(Optional.of(hsd), d.award());
        assertEquals(List.of(coa, hse), d.supersededHeld());
        assertEquals(Optional.of(hse), d.replaces());
    }

    @Test
    void aHigherPendingOneOutsideTheSearchMakesTheSelectedWait() {
        Achieved coa = new Achieved(1, ACHIEVEMENT, JUNE);
        Achieved hsd = new Achieved(2, DIPLOMA, JUNE);
        Decision d = CredentialAwarder.decide(List.of(coa), List.of(hsd), List.of());
        assertEquals(Optional.empty(), d.award());
        assertEquals(List.of(coa), d.waiting().stream().map(Outcome::achieved).toList());
        assertTrue(d.waiting().get(0).reason().contains("High School Diploma achieved 2026-06-30 is not in this search"));
    }

    @Test
    void aLowerPendingOneOutsideTheSearchDoesNotStopTheAward() {
        Achieved coa = new Achieved(1, ACHIEVEMENT, JUNE);
        Achieved hsd = new Achieved(2, DIPLOMA, JUNE);
        Decision d = CredentialAwarder.decide(List.of(hsd), List.of(coa), List.of());
        assertEquals(Optional.of(hsd), d.award());
        assertTrue(d.superseded().isEmpty(), "what the search did not select is left alone");
    }

    @Test
    void refusedAndAwardedInOneStudent() {
        Held hse = new Held(9, "HSE-2025-0000002-00", EQUIVALENCY);
        Achieved coa = new Achieved(1, ACHIEVEMENT, JUNE);
        Achieved hsd = new Achieved(2, DIPLOMA, JUNE);
        Decision d = CredentialAwarder.decide(List.of(coa, hsd), List.of(), List.of(hse));
        assertEquals(Optional.of(hsd), d.award());
        assertEquals(List.of(coa), d.refused().stream().map(Outcome::achieved).toList());
        assertEquals(List.of(hse), d.supersededHeld());
    }
}
