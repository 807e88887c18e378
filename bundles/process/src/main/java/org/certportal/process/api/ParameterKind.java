package org.certportal.process.api;

/** The type of a process parameter: how its text is checked and how a form shows it. */
public enum ParameterKind {
    TEXT,
    /** A whole number (a long). */
    INTEGER,
    /** A calendar date, ISO yyyy-MM-dd. */
    DATE,
    /** true or false. */
    FLAG,
    /** One of {@link ParameterDefinition#choices()}. */
    CHOICE
}
