package org.certportal.programs.api;

/** What a completion of a requirement must carry: nothing, pass/fail, or a number at least the minimum. */
public enum GradeType {
    NONE, PASS_FAIL, NUMERIC
}
