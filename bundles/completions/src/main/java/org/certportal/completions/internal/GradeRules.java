package org.certportal.completions.internal;

import java.math.BigDecimal;
import java.util.Locale;

import org.certportal.programs.api.GradeType;

/**
 * How a requirement grades: no grade, pass/fail (any case), or a number that passes at
 * the minimum or above. Grades are stored as normalised text.
 */
final class GradeRules {
    static final int MAX_LENGTH = 20;

    /** A valid grade: its stored text and whether it passes. */
    record Grade(String text, boolean passing) {
    }

    private GradeRules() {
    }

    /**
     * @return null when the input is blank (no grade entered)
     * @throws IllegalArgumentException when the input is not a grade this requirement takes
     */
    static Grade parse(GradeType type, BigDecimal minimum, String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        String text = input.strip();
        switch (type) {
            case NONE:
                throw new IllegalArgumentException("This requirement takes no grade; leave the grade empty.");
            case PASS_FAIL:
                String word = text.toLowerCase(Locale.ROOT);
                if (word.equals("pass") || word.equals("fail")) {
                    return new Grade(word, word.equals("pass"));
                }
                throw new IllegalArgumentException("The grade of this requirement is pass or fail, not '" + clip(text)
                        + "'.");
            case NUMERIC:
                BigDecimal value;
                try {
                    value = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("The grade of this requirement is a number such as 87.5, not '"
                            + clip(text) + "'.");
                }
                if (value.signum() < 0) {
                    throw new IllegalArgumentException("A grade cannot be negative.");
                }
                String stored = value.stripTrailingZeros().toPlainString();
                if (stored.length() > MAX_LENGTH) {
                    throw new IllegalArgumentException("The grade is too long: at most " + MAX_LENGTH + " characters.");
                }
                return new Grade(stored, value.compareTo(minimum == null ? BigDecimal.ZERO : minimum) >= 0);
            default:
                throw new IllegalStateException("Unknown grade type " + type);
        }
    }

    /** Whether a completion of this requirement needs a grade to be complete. */
    static boolean needsGrade(GradeType type) {
        return type != GradeType.NONE;
    }

    private static String clip(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
