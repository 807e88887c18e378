package org.certportal.programs.internal.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RuleChangeImpact;

/** How program values read on screen. */
final class Labels {
    private Labels() {
    }

    /** EDUCATION_CREDITS → "Education credits"; PASS_FAIL → "Pass/fail". */
    static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        if (value == GradeType.PASS_FAIL) {
            return "Pass/fail";
        }
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One line describing what a requirement asks for. */
    static String describe(Requirement r) {
        List<String> parts = new ArrayList<>();
        parts.add(of(r.kind()));
        if (r.gradeType() == GradeType.NUMERIC) {
            parts.add("grade at least " + plain(r.minimumGrade()));
        } else if (r.gradeType() == GradeType.PASS_FAIL) {
            parts.add("pass/fail");
        }
        if (r.creditAmount() != null) {
            parts.add(plain(r.creditAmount()) + " credits");
        }
        if (r.needsApproval()) {
            parts.add("needs staff approval");
        }
        return String.join(", ", parts);
    }

    /** What the rule-change confirmation says. */
    static String ruleChange(RuleChangeImpact impact) {
        long n = impact.enrolleesOnCurrent();
        int v = impact.currentVersion();
        return n + (n == 1 ? " current enrollee stays" : " current enrollees stay") + " on rule version " + v
                + "; new enrollments will use version " + (v + 1) + ".";
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
