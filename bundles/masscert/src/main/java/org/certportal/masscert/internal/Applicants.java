package org.certportal.masscert.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.certportal.enrollments.api.CertificationStatus;

/**
 * Who is an applicant of a mass certification: an enrollment in the program that is in progress, applied,
 * or awaiting payment (met, perhaps without an open order) and, when the program has a related application, whose contact's application matches the
 * run's criteria. Each is one row of the run, keyed {@code enrollment:ID}, listed once, by enrollment id.
 */
final class Applicants {
    static final String KEY = "enrollment:";
    /** Applied enrollments are listed too: the run then says they wait for their application's decision. */
    static final Set<CertificationStatus> SELECTED = EnumSet.of(CertificationStatus.IN_PROGRESS,
            CertificationStatus.APPLIED, CertificationStatus.AWAITING_PAYMENT);

    /** An enrollment of the program as the selection reads it. */
    record Enrolled(long enrollmentId, long contactId, CertificationStatus status) {
    }

    private Applicants() {
    }

    /**
     * @param matchingContacts the contacts whose application matches the criteria; null when the program has
     *        no related application (every enrollment in progress or applied is an applicant)
     * @return the row keys, each once, by enrollment id
     */
    static List<String> keys(Collection<Enrolled> enrollments, Set<Long> matchingContacts) {
        return enrollments.stream().filter(e -> SELECTED.contains(e.status()))
                .filter(e -> matchingContacts == null || matchingContacts.contains(e.contactId()))
                .sorted(Comparator.comparingLong(Enrolled::enrollmentId)).map(e -> key(e.enrollmentId())).distinct()
                .toList();
    }

    static String key(long enrollmentId) {
        return KEY + enrollmentId;
    }

    /** @throws IllegalArgumentException for a key this process did not make */
    static long enrollmentId(String key) {
        if (key == null || !key.startsWith(KEY)) {
            throw new IllegalArgumentException("Not a mass certification row: " + key);
        }
        try {
            return Long.parseLong(key.substring(KEY.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a mass certification row: " + key, e);
        }
    }
}
