package org.certportal.programs.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by the bundle that enrolls people (enrollments), so that programs can tell how many
 * current enrollees a rule change leaves on the old version without depending on that bundle.
 * Absent means nobody is enrolled anywhere.
 */
@ConsumerType
public interface ProgramUsage {

    /** Current (not cancelled, not purged) enrollments of the program under the given rule version. */
    long currentEnrollees(long programId, int ruleVersion);
}
