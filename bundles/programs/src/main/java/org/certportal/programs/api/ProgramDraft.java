package org.certportal.programs.api;

/** What a user types for a program; requirements are edited one by one. */
public record ProgramDraft(String code, String name, String description, ProgramOptions options) {
}
