package org.certportal.programs.api;

import java.util.List;

/**
 * The rules of one version of a program, frozen once someone is enrolled under them: an
 * enrollment is always judged by the version it was enrolled under. {@code options().maintenance()}
 * is always the program's current switch (the one edit that reaches current enrollees), and
 * {@code options().fee()} the program's current fee.
 */
public record ProgramRules(long programId, int version, ProgramStatus programStatus, ProgramOptions options,
        List<Requirement> requirements) {
}
