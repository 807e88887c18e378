package org.certportal.masscert.internal;

import static org.certportal.masscert.api.MassCertification.APPLIED_FROM;
import static org.certportal.masscert.api.MassCertification.APPLIED_THROUGH;
import static org.certportal.masscert.api.MassCertification.BATCH;
import static org.certportal.masscert.api.MassCertification.PROGRAM;
import static org.certportal.masscert.api.MassCertification.SEND_EMAIL;
import static org.certportal.masscert.api.MassCertification.STATUSES;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.certportal.enrollments.api.ApplicationStatus;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;

/** A mass certification's parameters, as the engine stores them with the run, and what they mean. */
final class MassCertParameters {
    static final List<ParameterDefinition> DEFINITIONS = List.of(
            ParameterDefinition.text(PROGRAM, "Certification", true, "The program's code, e.g. CPA."),
            ParameterDefinition.text(STATUSES, "Application status", false, "Programs with a related application:"
                    + " the application statuses to select, separated by commas (SUBMITTED, UNDER_REVIEW, APPROVED,"
                    + " REJECTED, WITHDRAWN); any when empty."),
            ParameterDefinition.date(APPLIED_FROM, "Applied from", false, "First application date, inclusive."),
            ParameterDefinition.date(APPLIED_THROUGH, "Applied through", false, "Last application date, inclusive."),
            ParameterDefinition.flag(SEND_EMAIL, "Send a confirmation email", true, "Email each applicant when"
                    + " certified, or when their order is created and again when it is paid."),
            ParameterDefinition.integer(BATCH, "Accounting batch", false, null, "The id of the open batch the"
                    + " orders go to; required when the program has a fee."));

    /**
     * The run's criteria and options.
     *
     * @param statuses empty: any status
     * @param batchId null when none was given
     */
    record Criteria(String programCode, Set<ApplicationStatus> statuses, LocalDate appliedFrom,
            LocalDate appliedThrough, boolean sendEmail, Long batchId) {
        Criteria {
            statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        }

        boolean hasApplicationCriteria() {
            return !statuses.isEmpty() || appliedFrom != null || appliedThrough != null;
        }
    }

    private MassCertParameters() {
    }

    /**
     * The criteria of checked parameters, with the checks across them.
     *
     * @throws IllegalArgumentException naming the parameter
     */
    static Criteria criteria(ProcessParameters p) {
        List<String> problems = new ArrayList<>();
        Set<ApplicationStatus> statuses = EnumSet.noneOf(ApplicationStatus.class);
        for (String s : p.text(STATUSES).map(t -> t.split("[,;]")).orElse(new String[0])) {
            if (s.isBlank()) {
                continue;
            }
            try {
                statuses.add(ApplicationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT).replace(' ', '_')
                        .replace('-', '_')));
            } catch (IllegalArgumentException e) {
                problems.add("Application status '" + s + "' is not one of " + Arrays.stream(ApplicationStatus.values())
                        .map(Enum::name).collect(Collectors.joining(", ")) + ".");
            }
        }
        LocalDate from = p.date(APPLIED_FROM).orElse(null);
        LocalDate through = p.date(APPLIED_THROUGH).orElse(null);
        if (from != null && through != null && from.isAfter(through)) {
            problems.add("Applied from (" + from + ") is after applied through (" + through + ").");
        }
        Long batch = p.integer(BATCH).orElse(null);
        if (batch != null && batch <= 0) {
            problems.add("Accounting batch must be a batch's id, not " + batch + ".");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        return new Criteria(p.text(PROGRAM).orElseThrow().strip(), statuses, from, through, p.flag(SEND_EMAIL), batch);
    }

    /** The criteria as raw parameter values, as a form or the shell gives them. */
    static Map<String, String> raw(Criteria c) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put(PROGRAM, c.programCode());
        if (!c.statuses().isEmpty()) {
            raw.put(STATUSES, c.statuses().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (c.appliedFrom() != null) {
            raw.put(APPLIED_FROM, c.appliedFrom().toString());
        }
        if (c.appliedThrough() != null) {
            raw.put(APPLIED_THROUGH, c.appliedThrough().toString());
        }
        raw.put(SEND_EMAIL, String.valueOf(c.sendEmail()));
        if (c.batchId() != null) {
            raw.put(BATCH, c.batchId().toString());
        }
        return raw;
    }
}
