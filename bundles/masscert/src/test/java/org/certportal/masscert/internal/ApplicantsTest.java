package org.certportal.masscert.internal;

import static org.certportal.enrollments.api.CertificationStatus.ACTIVE;
import static org.certportal.enrollments.api.CertificationStatus.APPLIED;
import static org.certportal.enrollments.api.CertificationStatus.CANCELLED;
import static org.certportal.enrollments.api.CertificationStatus.IN_PROGRESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

import org.certportal.masscert.internal.Applicants.Enrolled;
import org.junit.jupiter.api.Test;

class ApplicantsTest {
    static final List<Enrolled> ENROLLED = List.of(new Enrolled(30, 3, IN_PROGRESS), new Enrolled(10, 1, APPLIED),
            new Enrolled(20, 2, ACTIVE), new Enrolled(40, 4, CANCELLED), new Enrolled(50, 5, IN_PROGRESS));

    @Test
    void withoutAnApplicationEveryEnrollmentInProgressOrAppliedIsAnApplicantByEnrollmentId() {
        assertEquals(List.of("enrollment:10", "enrollment:30", "enrollment:50"), Applicants.keys(ENROLLED, null));
    }

    @Test
    void withAnApplicationOnlyThoseWhoseApplicationMatches() {
        assertEquals(List.of("enrollment:30"), Applicants.keys(ENROLLED, Set.of(3L, 2L, 4L)));
        assertEquals(List.of(), Applicants.keys(ENROLLED, Set.of()));
    }

    @Test
    void theSelectionIsStableAndListsEachOnce() {
        List<Enrolled> twice = new java.util.ArrayList<>(ENROLLED);
        twice.add(new Enrolled(30, 3, IN_PROGRESS));
        java.util.Collections.reverse(twice);
        assertEquals(Applicants.keys(ENROLLED, null), Applicants.keys(twice, null));
    }

    @Test
    void aKeyRoundTripsAndAForeignOneIsRefused() {
        assertEquals(123, Applicants.enrollmentId(Applicants.key(123)));
        assertThrows(IllegalArgumentException.class, () -> Applicants.enrollmentId("student:1"));
        assertThrows(IllegalArgumentException.class, () -> Applicants.enrollmentId("enrollment:x"));
    }
}
