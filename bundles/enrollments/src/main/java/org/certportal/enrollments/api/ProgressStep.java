package org.certportal.enrollments.api;

import org.certportal.programs.api.Requirement;

/** One requirement of an enrollment's rules, in order, with the enrollee's state on it. */
public record ProgressStep(Requirement requirement, RequirementState state) {
}
