package org.certportal.programs.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.OfferingDraft;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.RecertificationBasis;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;

/**
 * What valid programs, requirements and offerings look like: each check returns the cleaned draft
 * (trimmed text, amounts with two decimals, defaults filled in) or throws a message for the user.
 */
final class ProgramInput {
    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TITLE = 200;
    static final int MAX_LOCATION = 200;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{2,32}");
    private static final BigDecimal MAX_FEE = new BigDecimal("9999999999.99");
    private static final BigDecimal MAX_GRADE = new BigDecimal("1000");
    private static final BigDecimal MAX_CREDITS = new BigDecimal("100000");

    private ProgramInput() {
    }

    static ProgramDraft program(ProgramDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("A program is required.");
        }
        String code = draft.code() == null ? "" : draft.code().strip();
        if (code.isEmpty()) {
            throw new IllegalArgumentException("Code is required.");
        }
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Code '" + code + "' must be 2 to 32 letters, digits or dashes,"
                    + " e.g. CPA-2026.");
        }
        String name = text(draft.name(), "Name", MAX_NAME);
        if (name == null) {
            throw new IllegalArgumentException("Name is required.");
        }
        return new ProgramDraft(code, name, multiline(draft.description(), "Description", MAX_DESCRIPTION),
                options(draft.options()));
    }

    static ProgramOptions options(ProgramOptions o) {
        if (o == null) {
            throw new IllegalArgumentException("Program options are required.");
        }
        range(o.validityMonths(), 0, 600, "Validity (months)");
        range(o.deadlineMonths(), 1, 600, "Completion deadline (months)");
        range(o.gracePeriodDays(), 0, 3650, "Grace period (days)");
        BigDecimal fee = o.fee() == null ? BigDecimal.ZERO : o.fee();
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("Fee must not be negative.");
        }
        fee = twoDecimals(fee, "Fee");
        if (fee.compareTo(MAX_FEE) > 0) {
            throw new IllegalArgumentException("Fee must be at most " + MAX_FEE.toPlainString() + ".");
        }
        String currency = currency(o.currency());
        if (fee.stripTrailingZeros().scale() > Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())) {
            throw new IllegalArgumentException("Fee in " + currency + " may have no decimals: " + fee.toPlainString()
                    + ".");
        }
        RecertificationBasis basis = o.recertificationBasis() == null ? RecertificationBasis.COMPLETION_DATE
                : o.recertificationBasis();
        if (basis == RecertificationBasis.FIXED_DATE && o.fixedRecertificationDay() == null) {
            throw new IllegalArgumentException("Recertifying on a fixed date needs the day of the year.");
        }
        // a day only means something with the fixed-date basis; a form may still hold an old one
        return new ProgramOptions(o.requiresApproval(), o.inOrder(), o.enrolleesMayCancel(), o.maintenance(),
                o.adminReviewOfCertification(), o.validityMonths(), o.deadlineMonths(), o.gracePeriodDays(), fee, basis,
                basis == RecertificationBasis.FIXED_DATE ? o.fixedRecertificationDay() : null, o.applicationRequired(),
                currency);
    }

    /** An ISO 4217 code in capitals; none is the default currency. */
    static String currency(String code) {
        if (code == null || code.isBlank()) {
            return ProgramOptions.DEFAULT_CURRENCY;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        if (upper.matches("[A-Z]{3}")) {
            try {
                return Currency.getInstance(upper).getCurrencyCode();
            } catch (IllegalArgumentException unknown) {
                // refused below
            }
        }
        throw new IllegalArgumentException("Currency '" + code.strip() + "' is no ISO 4217 code (such as USD, EUR,"
                + " CAD).");
    }

    static RequirementDraft requirement(RequirementDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("A requirement is required.");
        }
        String title = text(draft.title(), "Title", MAX_TITLE);
        if (title == null) {
            throw new IllegalArgumentException("Title is required.");
        }
        RequirementKind kind = draft.kind();
        if (kind == null) {
            throw new IllegalArgumentException("Kind is required: course, exam, education credits, document or other.");
        }
        GradeType grade = draft.gradeType() == null ? GradeType.NONE : draft.gradeType();
        BigDecimal minimum = draft.minimumGrade();
        if (grade == GradeType.NUMERIC) {
            if (minimum == null) {
                throw new IllegalArgumentException("A numeric grade needs a minimum grade.");
            }
            minimum = twoDecimals(minimum, "Minimum grade");
            if (minimum.signum() < 0 || minimum.compareTo(MAX_GRADE) > 0) {
                throw new IllegalArgumentException("Minimum grade must be between 0 and 1000.");
            }
        } else if (minimum != null) {
            throw new IllegalArgumentException("Only a numeric grade has a minimum grade.");
        }
        BigDecimal credits = draft.creditAmount();
        if (kind == RequirementKind.EDUCATION_CREDITS) {
            if (credits == null || credits.signum() <= 0) {
                throw new IllegalArgumentException("An education credits requirement needs a credit amount above 0.");
            }
            credits = twoDecimals(credits, "Credit amount");
            if (credits.compareTo(MAX_CREDITS) > 0) {
                throw new IllegalArgumentException("Credit amount must be at most 100000.");
            }
        } else if (credits != null) {
            throw new IllegalArgumentException("Only an education credits requirement has a credit amount.");
        }
        return new RequirementDraft(title, kind, grade, minimum, draft.needsApproval(), credits);
    }

    static OfferingDraft offering(OfferingDraft draft) {
        if (draft == null) {
            throw new IllegalArgumentException("An offering is required.");
        }
        String title = text(draft.title(), "Offering title", MAX_TITLE);
        if (title == null) {
            throw new IllegalArgumentException("Offering title is required.");
        }
        return new OfferingDraft(title, draft.date(), text(draft.location(), "Location", MAX_LOCATION));
    }

    /** The unique key of a code: codes differ only when they differ in more than case. */
    static String codeKey(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /** The search key of a name: lower case, so that prefix search can use an index. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static void range(int value, int min, int max, String label) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(label + " must be between " + min + " and " + max + ": " + value + ".");
        }
    }

    private static BigDecimal twoDecimals(BigDecimal value, String label) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw new IllegalArgumentException(label + " may have at most two decimals: " + value.toPlainString() + ".");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** Trimmed single-line text or null when blank; too long or control characters are refused. */
    private static String text(String value, String label, int max) {
        String v = blankToNull(value, label, max);
        if (v != null && v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(label + " must not contain control characters.");
        }
        return v;
    }

    /** Like {@link #text} but line breaks and tabs are allowed. */
    private static String multiline(String value, String label, int max) {
        String v = blankToNull(value, label, max);
        if (v != null && v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new IllegalArgumentException(label + " must not contain control characters.");
        }
        return v;
    }

    private static String blankToNull(String value, String label, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(label + " is too long: at most " + max + " characters.");
        }
        return v;
    }
}
