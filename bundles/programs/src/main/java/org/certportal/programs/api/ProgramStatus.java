package org.certportal.programs.api;

/** Only {@link #ACTIVE} programs accept enrollments. */
public enum ProgramStatus {
    DRAFT, ACTIVE, INACTIVE, RETIRED
}
