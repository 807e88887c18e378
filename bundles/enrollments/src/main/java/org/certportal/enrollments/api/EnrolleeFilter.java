package org.certportal.enrollments.api;

/**
 * Which enrollees of a program to list; every part is optional (null or blank: no condition).
 *
 * @param text     start of the family or given name (any case), or the exact external identifier
 * @param status   stored certification status
 * @param standing tracker on the organisation's today
 */
public record EnrolleeFilter(String text, CertificationStatus status, Standing standing) {
    public static EnrolleeFilter none() {
        return new EnrolleeFilter(null, null, null);
    }
}
