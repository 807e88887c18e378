package org.certportal.enrollments.internal.process;

import org.certportal.enrollments.api.RequirementProgress;

/** Hands the checker what DS would bind, for tests in other packages. */
public final class CheckerAccess {
    private CheckerAccess() {
    }

    public static void progress(ConsistencyChecker checker, RequirementProgress progress) {
        checker.progress = progress;
    }
}
