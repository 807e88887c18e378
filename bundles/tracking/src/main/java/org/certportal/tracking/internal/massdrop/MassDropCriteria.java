package org.certportal.tracking.internal.massdrop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ParameterKind;
import org.certportal.process.api.ProcessParameters;
import org.certportal.tracking.internal.FilterQuery;

/**
 * What a mass drop takes and which enrollments it changes: one program, optionally an expiration date range
 * (both ends included), the stored statuses to take, the status to set, the termination date, a reason and
 * whether to notify each person. The statuses a target takes follow the enrollments' status rules (which the
 * status door applies again to every row): a mass drop never asks for a move the rules refuse.
 */
record MassDropCriteria(String programCode, LocalDate expiresFrom, LocalDate expiresThrough,
        Set<CertificationStatus> statuses, CertificationStatus target, LocalDate terminatedOn, String reason,
        boolean notifies) {
    static final String PROGRAM = "program";
    static final String EXPIRES_FROM = "expires-from";
    static final String EXPIRES_THROUGH = "expires-through";
    static final String STATUSES = "statuses";
    static final String TARGET = "target";
    static final String TERMINATION_DATE = "termination-date";
    static final String REASON = "reason";
    static final String NOTIFY = "notify";
    /** The door keeps 500 characters of reason; the run's words around it take the rest. */
    static final int MAX_REASON = 400;

    /** The statuses a mass drop sets, and the stored statuses each may take (moves the status rules allow). */
    static final Map<CertificationStatus, Set<CertificationStatus>> TAKES = new EnumMap<>(CertificationStatus.class);

    static {
        TAKES.put(CertificationStatus.EXPIRED, EnumSet.of(CertificationStatus.ACTIVE, CertificationStatus.IN_PROGRESS));
        TAKES.put(CertificationStatus.INACTIVE, EnumSet.of(CertificationStatus.ACTIVE, CertificationStatus.IN_PROGRESS));
        TAKES.put(CertificationStatus.CANCELLED, EnumSet.of(CertificationStatus.APPLIED, CertificationStatus.IN_PROGRESS,
                CertificationStatus.ADMIN_REVIEW, CertificationStatus.ACTIVE));
        TAKES.put(CertificationStatus.NOT_COMPLETED, EnumSet.of(CertificationStatus.IN_PROGRESS,
                CertificationStatus.ADMIN_REVIEW));
    }

    static final List<ParameterDefinition> PARAMETERS = List.of(
            ParameterDefinition.text(PROGRAM, "Program", true, "The code of the program whose enrollments to drop."),
            ParameterDefinition.date(EXPIRES_FROM, "Expires from", false,
                    "Only enrollments expiring on or after this date (none: no lower bound)."),
            ParameterDefinition.date(EXPIRES_THROUGH, "Expires through", false,
                    "Only enrollments expiring on or before this date (none: no upper bound)."),
            new ParameterDefinition(STATUSES, "Statuses", ParameterKind.TEXT, false,
                    "active", List.of(), "The stored statuses to take, separated by commas, e.g. active,in-progress."),
            ParameterDefinition.choice(TARGET, "New status", TAKES.keySet().stream().map(FilterQuery::statusName)
                    .toList(), FilterQuery.statusName(CertificationStatus.EXPIRED), "The status each one gets."),
            ParameterDefinition.date(TERMINATION_DATE, "Termination date", true,
                    "When the certifications end; a run changes nothing before that day (schedule it for then)."),
            ParameterDefinition.text(REASON, "Reason", true, "Why, kept in each person's status history."),
            ParameterDefinition.flag(NOTIFY, "Notify each person", false,
                    "Queue an email to each person changed (through the mail outbox)."));

    public MassDropCriteria {
        statuses = Set.copyOf(statuses);
    }

    /**
     * Checks raw values, every one before any is used: each bad parameter gets its sentence, all in one message.
     * The program code is written as the program has it.
     *
     * @param programCodes the program's own code for a code as typed, empty when there is no such program
     * @throws IllegalArgumentException with one sentence per bad parameter
     */
    static ProcessParameters validate(Map<String, String> raw, Function<String, Optional<String>> programCodes) {
        Map<String, String> given = raw == null ? Map.of() : raw;
        List<String> problems = new ArrayList<>();
        ProcessParameters checked = null;
        try {
            checked = ProcessParameters.validate(PARAMETERS, given);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        Map<String, String> v = new TreeMap<>();
        for (ParameterDefinition d : PARAMETERS) {
            try {
                String n = d.normalise(given.get(d.name()));
                n = n == null ? d.defaultValue() : n;
                if (n != null) {
                    v.put(d.name(), n);
                }
            } catch (IllegalArgumentException e) {
                // said above
            }
        }
        String program = null;
        if (v.containsKey(PROGRAM)) {
            program = programCodes.apply(v.get(PROGRAM)).orElse(null);
            if (program == null) {
                problems.add("There is no program with the code '" + v.get(PROGRAM) + "'.");
            }
        }
        String statuses = null;
        if (v.containsKey(STATUSES)) {
            try {
                Set<CertificationStatus> taken = statuses(v.get(STATUSES));
                CertificationStatus target = v.containsKey(TARGET) ? FilterQuery.status(v.get(TARGET)) : null;
                String wrong = target == null ? null : takes(target, taken);
                if (wrong != null) {
                    problems.add(wrong);
                }
                statuses = taken.stream().map(FilterQuery::statusName).collect(Collectors.joining(","));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (v.containsKey(EXPIRES_FROM) && v.containsKey(EXPIRES_THROUGH)
                && LocalDate.parse(v.get(EXPIRES_FROM)).isAfter(LocalDate.parse(v.get(EXPIRES_THROUGH)))) {
            problems.add("The expiration range ends (" + v.get(EXPIRES_THROUGH) + ") before it begins ("
                    + v.get(EXPIRES_FROM) + ").");
        }
        if (v.containsKey(REASON) && v.get(REASON).length() > MAX_REASON) {
            problems.add("The reason is too long: at most " + MAX_REASON + " characters.");
        }
        if (!problems.isEmpty() || checked == null) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        Map<String, String> values = new TreeMap<>(checked.asMap());
        values.put(PROGRAM, program);
        values.put(STATUSES, statuses);
        return ProcessParameters.of(values);
    }

    /** The criteria of checked parameters. */
    static MassDropCriteria of(ProcessParameters p) {
        return new MassDropCriteria(p.text(PROGRAM).orElseThrow(), p.date(EXPIRES_FROM).orElse(null),
                p.date(EXPIRES_THROUGH).orElse(null), statuses(p.text(STATUSES).orElseThrow()),
                FilterQuery.status(p.text(TARGET).orElseThrow()), p.date(TERMINATION_DATE).orElseThrow(),
                p.text(REASON).orElseThrow(), p.flag(NOTIFY));
    }

    /** Statuses written with commas (a blank list is refused). */
    static Set<CertificationStatus> statuses(String text) {
        Set<CertificationStatus> all = EnumSet.noneOf(CertificationStatus.class);
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                all.add(FilterQuery.status(s));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("Name at least one status to take, e.g. active.");
        }
        return all;
    }

    /** Why a mass drop to this target cannot take these statuses, in a sentence; null when it can. */
    static String takes(CertificationStatus target, Set<CertificationStatus> statuses) {
        Set<CertificationStatus> may = TAKES.get(target);
        if (may == null) {
            return "A mass drop sets Expired, Inactive, Cancelled or Not completed, not " + target.title() + ".";
        }
        List<String> wrong = statuses.stream().filter(s -> !may.contains(s)).sorted().map(CertificationStatus::title)
                .toList();
        if (wrong.isEmpty()) {
            return null;
        }
        return "An enrollment that is " + String.join(" or ", wrong).toLowerCase(Locale.ROOT) + " cannot become "
                + target.title().toLowerCase(Locale.ROOT) + "; a mass drop to " + target.title() + " takes "
                + may.stream().sorted().map(CertificationStatus::title).collect(Collectors.joining(", ")) + ".";
    }

    /** Whether an enrollment as stored now is one this mass drop changes (the program is matched by the query). */
    boolean matches(CertificationStatus status, LocalDate expiresOn) {
        if (!statuses.contains(status)) {
            return false;
        }
        if (expiresFrom != null && (expiresOn == null || expiresOn.isBefore(expiresFrom))) {
            return false;
        }
        return expiresThrough == null || expiresOn != null && !expiresOn.isAfter(expiresThrough);
    }

    /** Why a real run cannot change anything today, in a sentence; null when it can. */
    String tooEarly(LocalDate today) {
        return terminatedOn.isAfter(today) ? "Not changed yet: the termination date " + terminatedOn + " has not come;"
                + " schedule the run for that day (a preview shows what it will change)." : null;
    }

    /** The change in the words of the dry run and the outcomes: "Active → Expired on 2026-12-31". */
    String change(CertificationStatus from) {
        return from.title() + " → " + target.title() + " on " + terminatedOn;
    }

    /** The reason the status door audits, with the run. */
    String auditReason() {
        return "Mass drop, terminated on " + terminatedOn + ": " + reason;
    }
}
