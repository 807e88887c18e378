package org.certportal.programs.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A component of a program, at {@code position} (1-based) in its order.
 *
 * @param minimumGrade with {@link GradeType#NUMERIC}: the lowest passing grade
 * @param creditAmount with {@link RequirementKind#EDUCATION_CREDITS}: the credits required
 */
public record Requirement(long id, long programId, int position, String title, RequirementKind kind,
        GradeType gradeType, BigDecimal minimumGrade, boolean needsApproval, BigDecimal creditAmount,
        List<Offering> offerings) {
}
