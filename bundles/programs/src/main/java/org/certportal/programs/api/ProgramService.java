package org.certportal.programs.api;

import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Programs, requirements and offerings. Reads need {@link ProgramPermissions#READ}, changes
 * {@link ProgramPermissions#EDIT}. Bad input throws IllegalArgumentException with a sentence for
 * the user; a stale {@code expectedVersion} throws ConcurrentModificationException. Every change
 * is audited in its transaction. A rule change while the current rules have enrollees starts a new
 * rule version; the current enrollees stay on theirs.
 */
@ProviderType
public interface ProgramService {

    String SORT_NAME = "name";
    String SORT_CODE = "code";
    String SORT_STATUS = "status";

    /** A new program starts as Draft with rule version 1 and no requirements. */
    Program create(ProgramDraft draft);

    /** What {@link #update} would do to current enrollees; changes nothing. */
    RuleChangeImpact previewUpdate(long programId, ProgramDraft draft);

    Program update(long programId, long expectedVersion, ProgramDraft draft);

    /** Activation needs at least one requirement; Retired is final. */
    Program changeStatus(long programId, long expectedVersion, ProgramStatus status);

    Requirement addRequirement(long programId, RequirementDraft draft);

    /** What {@link #updateRequirement} or a move or removal would do to current enrollees. */
    RuleChangeImpact previewRequirementChange(long programId);

    Requirement updateRequirement(long requirementId, RequirementDraft draft);

    /** Moves one place up ({@code -1}) or down ({@code +1}) in the order. */
    void moveRequirement(long requirementId, int direction);

    void removeRequirement(long requirementId);

    Offering addOffering(long requirementId, OfferingDraft draft);

    void removeOffering(long offeringId);

    Optional<Program> find(long programId);

    Optional<Program> findByCode(String code);

    /** Programs whose name or code starts with the text (any case), optionally of one status; paged in the database. */
    Page<ProgramSummary> search(String text, ProgramStatus status, PageRequest page);

    /** The rules an enrollment under {@code ruleVersion} is judged by. */
    ProgramRules rules(long programId, int ruleVersion);
}
