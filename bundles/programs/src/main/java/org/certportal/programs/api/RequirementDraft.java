package org.certportal.programs.api;

import java.math.BigDecimal;

public record RequirementDraft(String title, RequirementKind kind, GradeType gradeType, BigDecimal minimumGrade,
        boolean needsApproval, BigDecimal creditAmount) {
}
