package org.certportal.credentials.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.certportal.credentials.api.AwardCriteria;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;

/** The award process's parameters: the search criteria, as the engine stores them with the run. */
public final class AwardParameters {
    public static final String TYPE = "type";
    public static final String SESSION = "session";
    public static final String SCHOOL = "school";
    public static final String FROM = "achieved-from";
    public static final String TO = "achieved-to";
    public static final String STUDENTS = "students";
    /** A stored list of identifiers, for a list longer than {@link #STUDENTS} takes (see {@link StudentLists}). */
    public static final String STUDENT_LIST = "student-list";

    static final List<ParameterDefinition> DEFINITIONS = List.of(
            ParameterDefinition.text(TYPE, "Credential type", false, "A credential type's code, e.g. HSD; any type"
                    + " when empty."),
            ParameterDefinition.text(SESSION, "Exam session or period", false, "e.g. 2026-06; any when empty."),
            ParameterDefinition.text(SCHOOL, "School or authority", false, "Its code; any when empty."),
            ParameterDefinition.date(FROM, "Achieved from", false, "First achieved date, inclusive."),
            ParameterDefinition.date(TO, "Achieved to", false, "Last achieved date, inclusive."),
            ParameterDefinition.text(STUDENTS, "Student identifiers", false, "Students' external identifiers,"
                    + " separated by commas or spaces; any student when empty."),
            ParameterDefinition.integer(STUDENT_LIST, "Stored student list", false, null, "A longer list of student"
                    + " identifiers, stored by the Credentials page; instead of Student identifiers."));

    private AwardParameters() {
    }

    public static AwardCriteria criteria(ProcessParameters p) {
        AwardCriteria c = new AwardCriteria(p.text(TYPE).map(s -> s.toUpperCase(Locale.ROOT)).orElse(null),
                p.text(SESSION).orElse(null), p.text(SCHOOL).orElse(null), p.date(FROM).orElse(null),
                p.date(TO).orElse(null), studentIds(p.text(STUDENTS).orElse("")));
        if (p.text(STUDENTS).isPresent() && p.text(STUDENT_LIST).isPresent()) {
            throw new IllegalArgumentException("Give the student identifiers or a stored student list, not both.");
        }
        if (c.achievedFrom() != null && c.achievedTo() != null && c.achievedFrom().isAfter(c.achievedTo())) {
            throw new IllegalArgumentException("Achieved from (" + c.achievedFrom() + ") is after achieved to ("
                    + c.achievedTo() + ").");
        }
        return c;
    }

    /** The criteria as raw parameter values, as a form or the shell gives them. */
    public static Map<String, String> raw(AwardCriteria c) {
        Map<String, String> raw = new LinkedHashMap<>();
        put(raw, TYPE, c.typeCode());
        put(raw, SESSION, c.session());
        put(raw, SCHOOL, c.issuingBodyCode());
        put(raw, FROM, c.achievedFrom() == null ? null : c.achievedFrom().toString());
        put(raw, TO, c.achievedTo() == null ? null : c.achievedTo().toString());
        put(raw, STUDENTS, c.studentIds().isEmpty() ? null : String.join(",", c.studentIds()));
        return raw;
    }

    /** Identifiers separated by commas, semicolons or white space, each once, in the order given. */
    public static List<String> studentIds(String text) {
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isEmpty())
                .toList()));
    }

    private static void put(Map<String, String> raw, String key, String value) {
        if (value != null && !value.isBlank()) {
            raw.put(key, value);
        }
    }
}
