package org.certportal.credentials.internal.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.certportal.credentials.api.AwardCriteria;

/**
 * The search of step 1 as the page's fields give it, checked into {@link AwardCriteria} with a sentence
 * per bad field, and the criteria said back in words. No Vaadin here: the view copies its fields in and
 * shows the errors beside them.
 *
 * @param typeCode a credential type's code, or blank for any
 * @param session exam session or period, or blank for any
 * @param school school or authority code, or blank for any
 * @param from first achieved date, or null
 * @param to last achieved date, or null
 * @param students pasted or uploaded student identifiers, or blank for any student
 */
record AwardSearch(String typeCode, String session, String school, LocalDate from, LocalDate to, String students) {
    static final String TYPE = "type";
    static final String SESSION = "session";
    static final String SCHOOL = "school";
    static final String FROM = "from";
    static final String TO = "to";
    static final String STUDENTS = "students";
    /** As the service takes them ({@code CredentialService.startAward}). */
    static final int MAX_IDS = 10_000;

    /**
     * The criteria, or the problems by field ({@link #TYPE} ... {@link #STUDENTS}).
     *
     * @param criteria present when there are no errors
     * @param errors one sentence per bad field, in the form's order
     */
    record Checked(Optional<AwardCriteria> criteria, Map<String, String> errors) {
    }

    /** @param typeCodes the credential types there are */
    Checked check(List<String> typeCodes) {
        Map<String, String> errors = new LinkedHashMap<>();
        String type = blankToNull(typeCode);
        if (type != null) {
            type = type.toUpperCase(Locale.ROOT);
            if (!typeCodes.contains(type)) {
                errors.put(TYPE, "There is no credential type " + type + ".");
            }
        }
        String s = blankToNull(session);
        if (s != null && s.length() > 32) {
            errors.put(SESSION, "An exam session or period has at most 32 characters.");
        }
        String body = blankToNull(school);
        if (body != null && body.length() > 32) {
            errors.put(SCHOOL, "A school or authority code has at most 32 characters.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            errors.put(TO, "The last achieved date is before the first (" + from + ").");
        }
        StudentIdList list = StudentIdList.parse(students);
        if (!list.ok()) {
            List<String> shown = new ArrayList<>(list.errors().subList(0, Math.min(5, list.errors().size())));
            if (list.errors().size() > shown.size()) {
                shown.add("and " + (list.errors().size() - shown.size()) + " more lines.");
            }
            errors.put(STUDENTS, String.join(" ", shown));
        } else if (list.ids().size() > MAX_IDS) {
            errors.put(STUDENTS, String.format("The list has %,d identifiers, more than one search takes (%,d):"
                    + " search in parts, or by session or school.", list.ids().size(), MAX_IDS));
        }
        if (!errors.isEmpty()) {
            return new Checked(Optional.empty(), errors);
        }
        return new Checked(Optional.of(new AwardCriteria(type, s, body, from, to, list.ids())), Map.of());
    }

    /**
     * The criteria in words, one line each, "any" for those not given.
     *
     * @param typeNames type names by code
     */
    static List<String> describe(AwardCriteria c, Map<String, String> typeNames) {
        List<String> lines = new ArrayList<>();
        lines.add("Credential type: " + (c.typeCode() == null ? "any" : typeNames.getOrDefault(c.typeCode(),
                c.typeCode()) + " (" + c.typeCode() + ")"));
        lines.add("Exam session or period: " + (c.session() == null ? "any" : c.session()));
        lines.add("School or authority: " + (c.issuingBodyCode() == null ? "any" : c.issuingBodyCode()));
        lines.add("Achieved: " + dates(c.achievedFrom(), c.achievedTo()));
        List<String> ids = c.studentIds();
        lines.add("Students: " + (ids.isEmpty() ? "any" : ids.size() + " identifiers (" + String.join(", ",
                ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? ", ..." : "") + ")"));
        return lines;
    }

    private static String dates(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "any date";
        }
        if (from == null) {
            return "up to " + to;
        }
        if (to == null) {
            return "from " + from;
        }
        return from.equals(to) ? "on " + from : from + " to " + to;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
