package org.certportal.programs.api;

public enum RequirementKind {
    COURSE, EXAM, EDUCATION_CREDITS, DOCUMENT, OTHER
}
