package org.certportal.credentials.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Which achieved-but-not-awarded credentials a search finds; every criterion given must hold, none
 * given finds all of them.
 *
 * @param typeCode a credential type's code, or null
 * @param session an exam session or period, e.g. 2026-06, or null
 * @param issuingBodyCode a school's or authority's code, or null
 * @param achievedFrom first achieved date (inclusive), or null
 * @param achievedTo last achieved date (inclusive), or null
 * @param studentIds students' external identifiers; empty for any student
 */
public record AwardCriteria(String typeCode, String session, String issuingBodyCode, LocalDate achievedFrom,
        LocalDate achievedTo, List<String> studentIds) {
    public AwardCriteria {
        studentIds = studentIds == null ? List.of() : List.copyOf(studentIds);
    }

    public static AwardCriteria all() {
        return new AwardCriteria(null, null, null, null, null, List.of());
    }
}
