package org.certportal.completions.internal;

import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.contacts.api.ContactService;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.persistence.api.CsvImport;
import org.certportal.persistence.api.ImportErrors;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.Requirement;

/**
 * Checks every row of a completions CSV before anything is imported (the file read by the rules of every
 * import, {@link CsvImport}; columns in any order): the contact by external
 * identifier, the Active program by code, the contact's enrollment in progress, the requirement by
 * title or position, the date and the grade, and the in-order rule given the stored state and the
 * file's own earlier rows. Contacts and enrollments are looked up through their features' APIs, many
 * at once: one call for every contact of the file, one per program for the enrollments (one call per
 * row would take minutes for 100,000 rows).
 */
final class CompletionImport {
    static final List<String> HEADER = List.of("contact", "program", "requirement", "date", "grade");
    /** The most rows of one file: the checked rows of a full file are held until they are imported. */
    static final int MAX_ROWS = 200_000;

    /** One data row as read; {@code line} is its line in the file (the header is line 1). */
    record Row(int line, String contact, String program, String requirement, String date, String grade) {
    }

    /** A row that passed every check, with what storing it needs. */
    record Good(int line, Enrollment enrollment, List<Requirement> requirements, Requirement requirement,
            LocalDate date, String grade, CompletionStatus status, Completion existing) {
    }

    /** The result of the checks. */
    record Plan(int rows, List<Good> good, List<String> errors) {
    }

    private final ProgramService programs;
    private final ContactService contacts;
    private final EnrollmentService enrollments;
    private final LocalDate today;
    private final Map<String, Optional<Program>> programsByCode = new HashMap<>();
    private final Map<String, ProgramRules> rules = new HashMap<>();
    /** The requirements of each rule version by position, sorted once for all rows. */
    private final Map<String, List<Requirement>> inOrder = new HashMap<>();

    CompletionImport(ProgramService programs, ContactService contacts, EnrollmentService enrollments,
            LocalDate today) {
        this.programs = programs;
        this.contacts = contacts;
        this.enrollments = enrollments;
        this.today = today;
    }

    /**
     * Reads the file by the rules of every import ({@link CsvImport}); the rows are checked against the
     * database by {@link #plan}.
     */
    static CsvImport.Result<Row> parse(Reader csv) {
        return CsvImport.read(csv, HEADER, List.of(), MAX_ROWS, r -> new Row(Math.toIntExact(r.line()),
                value(r, "contact"), value(r, "program"), value(r, "requirement"), value(r, "date"),
                value(r, "grade")));
    }

    private static String value(CsvImport.Row r, String column) {
        String v = r.value(column);
        return v == null ? "" : v;
    }

    Plan plan(Connection c, CsvImport.Result<Row> parsed) throws SQLException {
        List<Row> rows = parsed.rows();
        Map<String, Long> contactIds = new HashMap<>();
        contacts.findByExternalIds(rows.stream().map(Row::contact).filter(s -> !s.isEmpty()).distinct().toList())
                .forEach((externalId, contact) -> contactIds.put(externalId, contact.id()));
        // the enrollment in progress of each contact in each program named
        Map<Long, Map<Long, Enrollment>> enrollmentsByProgram = new HashMap<>();
        Map<Long, List<Long>> contactsByProgram = new HashMap<>();
        for (Row row : rows) {
            Program p = program(row.program()).orElse(null);
            Long contactId = contactIds.get(row.contact());
            if (p != null && contactId != null) {
                contactsByProgram.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(contactId);
            }
        }
        for (Map.Entry<Long, List<Long>> e : contactsByProgram.entrySet()) {
            enrollmentsByProgram.put(e.getKey(), enrollments.inProgress(e.getKey(), new LinkedHashSet<>(e.getValue())));
        }
        List<Long> enrollmentIds = enrollmentsByProgram.values().stream().flatMap(m -> m.values().stream())
                .map(Enrollment::id).toList();
        // per enrollment: the completions stored, and the statuses as the file's good rows leave them
        Map<Long, Map<Long, Completion>> stored = new HashMap<>();
        for (Completion cp : CompletionStore.ofEnrollments(c, enrollmentIds)) {
            stored.computeIfAbsent(cp.enrollmentId(), k -> new HashMap<>()).put(cp.requirementId(), cp);
        }
        Map<Long, Map<Long, CompletionStatus>> statuses = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();

        List<Good> good = new ArrayList<>();
        ImportErrors errors = parsed.errors();
        for (Row row : rows) {
            try {
                good.add(check(row, contactIds, enrollmentsByProgram, stored, statuses, seen));
            } catch (IllegalArgumentException e) {
                errors.line(row.line(), e.getMessage());
            }
        }
        return new Plan(parsed.read(), good, errors.messages());
    }

    private Good check(Row row, Map<String, Long> contactIds, Map<Long, Map<Long, Enrollment>> enrollmentsByProgram,
            Map<Long, Map<Long, Completion>> stored, Map<Long, Map<Long, CompletionStatus>> statuses,
            Map<String, Integer> seen) {
        if (row.contact().isEmpty() || row.program().isEmpty() || row.requirement().isEmpty() || row.date().isEmpty()) {
            throw new IllegalArgumentException("contact, program, requirement and date are required.");
        }
        Long contactId = contactIds.get(row.contact());
        if (contactId == null) {
            throw new IllegalArgumentException("no contact with the identifier '" + row.contact() + "'.");
        }
        Program p = program(row.program()).orElseThrow(() -> new IllegalArgumentException("no program with the code '"
                + row.program() + "'."));
        if (p.status() != ProgramStatus.ACTIVE) {
            throw new IllegalArgumentException("the program " + p.code() + " is not Active.");
        }
        Enrollment e = enrollmentsByProgram.getOrDefault(p.id(), Map.of()).get(contactId);
        if (e == null) {
            throw new IllegalArgumentException(row.contact() + " is not enrolled in " + p.code() + " (in progress).");
        }
        String version = e.programId() + "/" + e.ruleVersion();
        ProgramRules rulesOf = rules.computeIfAbsent(version, k -> programs.rules(e.programId(), e.ruleVersion()));
        List<Requirement> requirements = inOrder.computeIfAbsent(version, k -> rulesOf.requirements().stream()
                .sorted(Comparator.comparingInt(Requirement::position)).toList());
        Requirement r = requirement(requirements, row.requirement(), p.code());
        LocalDate date;
        try {
            date = LocalDate.parse(row.date());
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("the date '" + row.date() + "' is not a date like 2025-06-30.");
        }
        CompletionRules.checkDate(date, e.enrolledOn(), today);
        GradeRules.Grade grade = GradeRules.parse(r.gradeType(), r.minimumGrade(), row.grade());
        String key = e.id() + "/" + r.id();
        Integer earlier = seen.get(key);
        if (earlier != null) {
            throw new IllegalArgumentException("the requirement " + r.title() + " of " + row.contact()
                    + " is already in line " + earlier + " of this file.");
        }
        Map<Long, Completion> done = stored.getOrDefault(e.id(), Map.of());
        Map<Long, CompletionStatus> now = statuses.computeIfAbsent(e.id(), k -> done.values().stream()
                .collect(Collectors.toMap(Completion::requirementId, Completion::status)));
        OrderRules.checkRecordable(rulesOf.options().inOrder(), requirements, now, r);
        CompletionStatus status = CompletionRules.status(r.gradeType(), r.needsApproval(), grade);
        seen.put(key, row.line());
        now.put(r.id(), status);
        return new Good(row.line(), e, requirements, r, date, grade == null ? null : grade.text(), status,
                done.get(r.id()));
    }

    private static Requirement requirement(List<Requirement> requirements, String text, String programCode) {
        if (text.chars().allMatch(Character::isDigit) && text.length() < 6) {
            int position = Integer.parseInt(text);
            return requirements.stream().filter(r -> r.position() == position).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(programCode + " has no requirement at position "
                            + position + "."));
        }
        List<Requirement> named = requirements.stream().filter(r -> r.title().equalsIgnoreCase(text)).toList();
        if (named.size() != 1) {
            throw new IllegalArgumentException(named.isEmpty() ? programCode + " has no requirement '" + text + "'."
                    : programCode + " has several requirements '" + text + "'; give the position instead.");
        }
        return named.get(0);
    }

    private Optional<Program> program(String code) {
        return code.isEmpty() ? Optional.empty() : programsByCode.computeIfAbsent(code, programs::findByCode);
    }
}
