package org.certportal.programs.api;

/** One row of the program list. */
public record ProgramSummary(long id, String code, String name, ProgramStatus status, int requirementCount,
        int ruleVersion) {
}
