package org.certportal.programs.api;

import java.util.List;

/**
 * A program with its current rules.
 *
 * @param ruleVersion the version of the rules new enrollments are judged by
 * @param version     optimistic lock: pass it back to update
 */
public record Program(long id, String code, String name, String description, ProgramStatus status,
        ProgramOptions options, int ruleVersion, long version, List<Requirement> requirements) {
}
