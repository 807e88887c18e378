package org.certportal.programs.api;

/** Where a maintenance program's next cycle starts. */
public enum RecertificationBasis {
    /** the date the previous cycle was earned */
    COMPLETION_DATE,
    /** the previous cycle's expiration date */
    PREVIOUS_EXPIRATION,
    /** a fixed day of the year ({@link ProgramOptions#fixedRecertificationDay()}) */
    FIXED_DATE
}
