package org.certportal.masscert.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.certportal.completions.api.Completion;
import org.certportal.completions.api.CompletionStatus;
import org.certportal.completions.api.CompletionStep;
import org.certportal.enrollments.api.CertificationStatus;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementKind;

/**
 * What mass certification does for one applicant. The pending completions it may approve are those of
 * exam and education-credit requirements that await approval and meet the requirement (the grade it
 * needs); every other requirement must be complete already. When every requirement is (or becomes) met,
 * the applicant moves to the next step: certified when the program is free, an order for the fee when
 * it has one (the enrollment then awaits payment); an applicant awaiting payment without an open order
 * gets the order; otherwise nothing is approved and the reasons say what is missing. All or nothing per
 * applicant, so a run never leaves someone half-approved.
 */
final class NextStep {
    /** The requirement kinds whose pending completions mass certification approves. */
    static final Set<RequirementKind> APPROVED_KINDS = EnumSet.of(RequirementKind.EXAM,
            RequirementKind.EDUCATION_CREDITS);

    enum Kind {
        /** Approve, then the enrollment is earned (Active, or Admin review when the program says so). */
        CERTIFY,
        /** Approve, then the enrollment awaits payment and an order for the fee is created; paying it certifies. */
        ORDER,
        /** Nothing changes; {@link Decision#reason()} says why. */
        NONE
    }

    /** A completion to approve, with its requirement's title for the lists. */
    record Approval(long completionId, String requirement) {
    }

    /**
     * @param completeOn the day the last requirement was met (the earned date of a free certification); null
     *        for {@link Kind#NONE}
     * @param amount the fee of an {@link Kind#ORDER}; null otherwise
     */
    record Decision(Kind kind, List<Approval> approvals, LocalDate completeOn, BigDecimal amount, String currency,
            String reason) {
        Decision {
            approvals = List.copyOf(approvals);
        }

        static Decision none(String reason) {
            return new Decision(Kind.NONE, List.of(), null, null, null, reason);
        }

        /** One line for the run's row and the customer list, e.g. "approve Written exam; certify". */
        String summary() {
            String approving = approvals.isEmpty() ? "" : "approve " + String.join(", ", approvals.stream()
                    .map(Approval::requirement).toList()) + "; ";
            return switch (kind) {
                case CERTIFY -> approving + "certify (earned " + completeOn + ")";
                case ORDER -> approving + "order the fee of " + amount.toPlainString() + " " + currency;
                case NONE -> reason;
            };
        }
    }

    /** One applicant as the rule needs them. */
    record Applicant(CertificationStatus status, List<CompletionStep> steps, Long waitingOrderId) {
    }

    private NextStep() {
    }

    /**
     * @param fee the program's fee; zero or null is free
     */
    static Decision decide(Applicant a, BigDecimal fee, String currency) {
        if (a.waitingOrderId() != null) {
            return Decision.none("Waits for the payment of order " + a.waitingOrderId() + ".");
        }
        if (a.status() == CertificationStatus.AWAITING_PAYMENT) {
            // met already (by hand, or an earlier order was cancelled): only the order is missing
            if (fee == null || fee.signum() <= 0) {
                return Decision.none("Awaits payment, but the certification has no fee now: a person decides.");
            }
            return new Decision(Kind.ORDER, List.of(), null, fee, currency, null);
        }
        if (a.status() == CertificationStatus.APPLIED) {
            return Decision.none("The application has not been approved yet (the enrollment is Applied).");
        }
        if (a.status() != CertificationStatus.IN_PROGRESS) {
            return Decision.none("The enrollment is " + a.status().title().toLowerCase(Locale.ROOT)
                    + ", not in progress.");
        }
        if (a.steps().isEmpty()) {
            return Decision.none("The program has no requirements.");
        }
        List<Approval> approvals = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        LocalDate completeOn = null;
        for (CompletionStep s : a.steps()) {
            Requirement r = s.requirement();
            Completion c = s.completion();
            if (s.status() == CompletionStatus.COMPLETE) {
                completeOn = later(completeOn, c == null ? null : c.completedOn());
            } else if (s.status() == CompletionStatus.AWAITING_APPROVAL && APPROVED_KINDS.contains(r.kind())) {
                String unmet = unmet(r, c);
                if (unmet == null) {
                    approvals.add(new Approval(c.id(), r.title()));
                    completeOn = later(completeOn, c.completedOn());
                } else {
                    missing.add(r.title() + ": " + unmet);
                }
            } else {
                missing.add(r.title() + ": " + s.status().title().toLowerCase(Locale.ROOT)
                        + (s.status() == CompletionStatus.AWAITING_APPROVAL
                                ? " (only exam and education-credit completions are approved here)" : ""));
            }
        }
        if (!missing.isEmpty()) {
            return Decision.none("Not every requirement is met: " + String.join("; ", missing) + ".");
        }
        if (fee != null && fee.signum() > 0) {
            return new Decision(Kind.ORDER, approvals, completeOn, fee, currency, null);
        }
        return new Decision(Kind.CERTIFY, approvals, completeOn, null, null, null);
    }

    /** Whether a program offers anything to mass-certify: at least one exam or education-credit requirement. */
    static boolean applies(List<Requirement> requirements) {
        return requirements.stream().anyMatch(r -> APPROVED_KINDS.contains(r.kind()));
    }

    /** Why the completion does not meet its requirement (the grade it needs), or null when it does. */
    static String unmet(Requirement r, Completion c) {
        String grade = c.grade();
        GradeType type = r.gradeType() == null ? GradeType.NONE : r.gradeType();
        switch (type) {
            case PASS_FAIL -> {
                return "pass".equalsIgnoreCase(grade) ? null : grade == null ? "no grade" : "grade " + grade;
            }
            case NUMERIC -> {
                if (grade == null) {
                    return "no grade";
                }
                try {
                    BigDecimal value = new BigDecimal(grade);
                    return r.minimumGrade() == null || value.compareTo(r.minimumGrade()) >= 0 ? null
                            : "grade " + grade + ", at least " + r.minimumGrade().stripTrailingZeros().toPlainString()
                                    + " needed";
                } catch (NumberFormatException e) {
                    return "grade '" + grade + "' is not a number";
                }
            }
            default -> {
                return null;
            }
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }
}
