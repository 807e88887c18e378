package org.certportal.credentials.internal;

/**
 * A school or an examining authority at which credentials are achieved.
 *
 * @param address where documents for its students go (schools); may be incomplete
 */
public record IssuingBody(long id, String code, String name, Kind kind, PostalAddress address) {
    public enum Kind {
        /** Hands documents over to its students. */
        SCHOOL,
        /** Examines (e.g. equivalency tests); its documents are mailed to the students. */
        AUTHORITY
    }
}
