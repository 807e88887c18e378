package org.certportal.enrollments.api;

import java.util.List;

/** What enrolling many contacts did: who was enrolled, and who was refused with the reason. */
public record EnrollResult(List<Enrollment> enrolled, List<Refusal> refused) {
    public EnrollResult {
        enrolled = List.copyOf(enrolled);
        refused = List.copyOf(refused);
    }
}
