package org.certportal.enrollments.api;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by the feature that records completions: the state of each requirement of an
 * enrollment. Without one registered, every requirement has {@link RequirementState#none()}.
 */
@ConsumerType
public interface RequirementProgress {

    /** By requirement id; requirements without anything recorded may be left out. */
    Map<Long, RequirementState> states(long enrollmentId);
}
