package org.certportal.programs.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.persistence.api.Page;
import org.certportal.persistence.api.PageRequest;
import org.certportal.programs.api.GradeType;
import org.certportal.programs.api.Offering;
import org.certportal.programs.api.OfferingDraft;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramDraft;
import org.certportal.programs.api.ProgramOptions;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.programs.api.ProgramStatus;
import org.certportal.programs.api.ProgramSummary;
import org.certportal.programs.api.Requirement;
import org.certportal.programs.api.RequirementDraft;
import org.certportal.programs.api.RequirementKind;
import org.certportal.programs.api.RuleChangeImpact;

/**
 * Programs as the features built on them (enrollments, completions) see them through the API,
 * built by their tests: programs are another bundle's data, referred to by id.
 */
public final class FakePrograms implements ProgramService {
    private final Map<Long, Program> programs = new HashMap<>();

    /** An Active program with three requirements, rule version 1. */
    public Program add(long id, String code, ProgramOptions options) {
        return add(id, code, ProgramStatus.ACTIVE, options);
    }

    public Program add(long id, String code, ProgramStatus status, ProgramOptions options) {
        return add(id, code, status, options, List.of(requirement(id * 10 + 1, id, 1, "Orientation"),
                requirement(id * 10 + 2, id, 2, "Written exam"), requirement(id * 10 + 3, id, 3, "Field practice")));
    }

    /** A program with the given requirements, rule version 1. */
    public Program add(long id, String code, ProgramStatus status, ProgramOptions options,
            List<Requirement> requirements) {
        Program p = new Program(id, code, "Program " + code, "", status, options, 1, 1, requirements);
        programs.put(id, p);
        return p;
    }

    private static Requirement requirement(long id, long programId, int position, String title) {
        return new Requirement(id, programId, position, title, RequirementKind.COURSE, GradeType.NONE, null, false,
                BigDecimal.ZERO, List.of());
    }

    @Override
    public Optional<Program> find(long programId) {
        return Optional.ofNullable(programs.get(programId));
    }

    @Override
    public ProgramRules rules(long programId, int ruleVersion) {
        Program p = programs.get(programId);
        if (p == null || ruleVersion != p.ruleVersion()) {
            throw new IllegalArgumentException("No rules " + programId + "/" + ruleVersion);
        }
        return new ProgramRules(programId, ruleVersion, p.status(), p.options(), p.requirements());
    }

    @Override
    public Page<ProgramSummary> search(String text, ProgramStatus status, PageRequest page) {
        List<ProgramSummary> all = new ArrayList<>();
        programs.values().stream().filter(p -> status == null || p.status() == status)
                .sorted(java.util.Comparator.comparing(Program::name))
                .forEach(p -> all.add(new ProgramSummary(p.id(), p.code(), p.name(), p.status(),
                        p.requirements().size(), p.ruleVersion())));
        return new Page<>(all.subList(Math.min(all.size(), page.offset()),
                Math.min(all.size(), page.offset() + page.limit())), all.size());
    }

    @Override
    public Optional<Program> findByCode(String code) {
        return programs.values().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    @Override
    public Program create(ProgramDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RuleChangeImpact previewUpdate(long programId, ProgramDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Program update(long programId, long expectedVersion, ProgramDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Program changeStatus(long programId, long expectedVersion, ProgramStatus status) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Requirement addRequirement(long programId, RequirementDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RuleChangeImpact previewRequirementChange(long programId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Requirement updateRequirement(long requirementId, RequirementDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void moveRequirement(long requirementId, int direction) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeRequirement(long requirementId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Offering addOffering(long requirementId, OfferingDraft draft) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeOffering(long offeringId) {
        throw new UnsupportedOperationException();
    }
}
