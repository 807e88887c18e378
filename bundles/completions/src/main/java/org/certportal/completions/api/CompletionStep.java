package org.certportal.completions.api;

import java.util.List;

import org.certportal.programs.api.Requirement;

/**
 * One requirement of an enrollment, in order, with what was recorded.
 *
 * @param completion  null when nothing was recorded
 * @param recordable  whether a completion may be recorded or changed now (not complete, and in-order
 *                    programs: every earlier requirement is complete)
 * @param files       every stored version, newest first
 */
public record CompletionStep(Requirement requirement, Completion completion, CompletionStatus status,
        boolean recordable, List<CompletionFile> files) {
    public CompletionStep {
        files = List.copyOf(files);
    }
}
