package org.certportal.completions.api;

/**
 * Which pending completions to list; every part is optional.
 *
 * @param programId       one program's
 * @param requirementText the start of the requirement's title (any case)
 */
public record ApprovalFilter(Long programId, String requirementText) {
    public static ApprovalFilter none() {
        return new ApprovalFilter(null, null);
    }
}
