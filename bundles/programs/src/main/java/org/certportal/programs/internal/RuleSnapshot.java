package org.certportal.programs.internal;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;

/**
 * The frozen rules of one rule version as stored text: the options that judge enrollees (not the
 * maintenance switch nor the fee, which always follow the program) and the requirements in order,
 * with their ids so that completions keep pointing at them. One {@code key=value} per line, a
 * requirement per {@code requirement=} line with its title last; the text is stable, so two
 * snapshots are equal exactly when the rules are.
 */
final class RuleSnapshot {
    static final String FORMAT = "1";
    private static final int REQUIREMENT_FIELDS = 7;

    /** Rules read back: options with the given maintenance switch and fee, requirements without offerings. */
    record Rules(ProgramOptions options, List<Requirement> requirements) {
    }

    private RuleSnapshot() {
    }

    static String write(ProgramOptions o, List<Requirement> requirements) {
        StringBuilder sb = new StringBuilder();
        line(sb, "format", FORMAT);
        line(sb, "requiresApproval", o.requiresApproval());
        line(sb, "inOrder", o.inOrder());
        line(sb, "enrolleesMayCancel", o.enrolleesMayCancel());
        line(sb, "adminReviewOfCertification", o.adminReviewOfCertification());
        line(sb, "validityMonths", o.validityMonths());
        line(sb, "deadlineMonths", o.deadlineMonths());
        line(sb, "gracePeriodDays", o.gracePeriodDays());
        line(sb, "recertificationBasis", o.recertificationBasis());
        line(sb, "fixedRecertificationDay", o.fixedRecertificationDay() == null ? "" : o.fixedRecertificationDay());
        for (Requirement r : requirements) {
            line(sb, "requirement", r.id() + "|" + r.position() + "|" + r.kind() + "|" + r.gradeType() + "|"
                    + amount(r.minimumGrade()) + "|" + r.needsApproval() + "|" + amount(r.creditAmount()) + "|"
                    + escape(r.title()));
        }
        return sb.toString();
    }

    static Rules read(String text, long programId, boolean maintenance, BigDecimal fee) {
        Map<String, String> values = new HashMap<>();
        List<Requirement> requirements = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException("Unreadable rule snapshot line: " + line);
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.equals("requirement")) {
                requirements.add(requirement(value, programId));
            } else {
                values.put(key, value);
            }
        }
        if (!FORMAT.equals(values.get("format"))) {
            throw new IllegalStateException("Unknown rule snapshot format: " + values.get("format"));
        }
        String day = get(values, "fixedRecertificationDay");
        ProgramOptions options = new ProgramOptions(bool(values, "requiresApproval"), bool(values, "inOrder"),
                bool(values, "enrolleesMayCancel"), maintenance, bool(values, "adminReviewOfCertification"),
                number(values, "validityMonths"), number(values, "deadlineMonths"), number(values, "gracePeriodDays"),
                fee, RecertificationBasis.valueOf(get(values, "recertificationBasis")),
                day.isEmpty() ? null : MonthDay.parse(day));
        return new Rules(options, List.copyOf(requirements));
    }

    private static Requirement requirement(String value, long programId) {
        String[] f = value.split("\\|", REQUIREMENT_FIELDS + 1);
        if (f.length != REQUIREMENT_FIELDS + 1) {
            throw new IllegalStateException("Unreadable requirement in a rule snapshot: " + value);
        }
        return new Requirement(Long.parseLong(f[0]), programId, Integer.parseInt(f[1]), unescape(f[7]),
                RequirementKind.valueOf(f[2]), GradeType.valueOf(f[3]), amount(f[4]), Boolean.parseBoolean(f[5]),
                amount(f[6]), List.of());
    }

    private static void line(StringBuilder sb, String key, Object value) {
        sb.append(key).append('=').append(value).append('\n');
    }

    private static String amount(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static BigDecimal amount(String text) {
        return text.isEmpty() ? null : new BigDecimal(text);
    }

    private static String get(Map<String, String> values, String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("Rule snapshot lacks " + key);
        }
        return v;
    }

    private static boolean bool(Map<String, String> values, String key) {
        return Boolean.parseBoolean(get(values, key));
    }

    private static int number(Map<String, String> values, String key) {
        return Integer.parseInt(get(values, key));
    }

    /** Titles hold no line breaks (the input rules refuse them), but a stored text must never depend on that. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
