package org.certportal.enrollments.internal.process;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.certportal.audit.api.AuditLog;
import org.certportal.enrollments.api.Enrollment;
import org.certportal.enrollments.api.EnrollmentPermissions;
import org.certportal.enrollments.api.EnrollmentService;
import org.certportal.enrollments.api.RequirementProgress;
import org.certportal.enrollments.api.StatusChangeResult;
import org.certportal.enrollments.internal.ConsistencyQueries;
import org.certportal.enrollments.internal.ConsistencyRules;
import org.certportal.enrollments.internal.StatusChanges;
import org.certportal.process.api.ParameterDefinition;
import org.certportal.process.api.ProcessParameters;
import org.certportal.process.api.ProcessType;
import org.certportal.process.api.ResultFile;
import org.certportal.process.api.RowContext;
import org.certportal.process.api.RowOutcome;
import org.certportal.process.api.SelectionContext;
import org.certportal.programs.api.Program;
import org.certportal.programs.api.ProgramRules;
import org.certportal.programs.api.ProgramService;
import org.certportal.security.api.SecurityService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The consistency checker as a process: finds the enrollments whose stored status disagrees with
 * {@link ConsistencyRules} and, with {@code fix}, corrects them through {@link StatusChanges}
 * (checked by the transition table, audited) in the process's chunks. Without {@code fix} it only
 * reports; either way the findings go to {@value #FILE}. A row found consistent when its turn comes
 * (e.g. in a resumed run) is skipped.
 */
@Component(service = ProcessType.class)
public class ConsistencyChecker implements ProcessType {
    static final String ID = "enrollments-consistency";
    static final String PROGRAM = "program";
    static final String FIX = "fix";
    static final String FILE = "inconsistencies.csv";
    static final String KEY = "enrollment:";
    static final String REASON = "Consistency check: ";
    private final SecurityService security;
    private final EnrollmentService enrollments;
    private final ProgramService programs;
    private final StatusChanges statusChanges;
    /** The completions feature's records, when it is there: all requirements complete means earned. */
    /** Completions' view of each requirement, when completions is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RequirementProgress progress;

    @Activate
    public ConsistencyChecker(@Reference SecurityService security, @Reference EnrollmentService enrollments,
            @Reference ProgramService programs, @Reference AuditLog audit) {
        this(security, enrollments, programs, audit, Clock.systemUTC());
    }

    /** With the clock of the status change times (tests). */
    public ConsistencyChecker(SecurityService security, EnrollmentService enrollments, ProgramService programs,
            AuditLog audit, Clock clock) {
        this.security = security;
        this.enrollments = enrollments;
        this.programs = programs;
        this.statusChanges = new StatusChanges(audit, clock);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Enrollment consistency checker";
    }

    @Override
    public String description() {
        return "Finds enrollments whose status disagrees with the rules (earned but not active, past the expiration"
                + " date, every requirement complete but not earned) and, with Fix, corrects them.";
    }

    @Override
    public String permission() {
        return EnrollmentPermissions.CANCEL_ANY;
    }

    @Override
    public List<ParameterDefinition> parameters() {
        return List.of(ParameterDefinition.text(PROGRAM, "Program code", false,
                "Check one program's enrollments; empty for all programs."),
                ParameterDefinition.flag(FIX, "Fix", false,
                        "Correct what is found (audited); otherwise only report it."));
    }

    @Override
    public ProcessParameters validate(Map<String, String> raw) {
        ProcessParameters p = ProcessType.super.validate(raw);
        p.text(PROGRAM).ifPresent(this::program);
        return p;
    }

    @Override
    public String scope(ProcessParameters parameters) {
        return parameters.text(PROGRAM).orElse("all");
    }

    @Override
    public void select(ProcessParameters parameters, SelectionContext selection) throws SQLException {
        security.require(permission());
        Long programId = parameters.text(PROGRAM).map(code -> program(code).id()).orElse(null);
        LocalDate today = enrollments.today();
        RequirementProgress source = progress;
        Map<String, ProgramRules> rules = new HashMap<>();
        ConsistencyQueries.suspects(selection.connection(), programId, today, source != null, e -> {
            if (check(e, today, rules(rules, e), source).isPresent()) {
                selection.add(KEY + e.id());
            }
        });
    }

    @Override
    public RowOutcome process(RowContext row, String key, boolean dryRun) throws SQLException {
        long id = Long.parseLong(key.substring(KEY.length()));
        Optional<Enrollment> stored = ConsistencyQueries.find(row.connection(), id);
        if (stored.isEmpty()) {
            return RowOutcome.skipped("Enrollment " + id + " no longer exists.");
        }
        Enrollment e = stored.get();
        Optional<ConsistencyRules.Finding> found = check(e, enrollments.today(),
                programs.rules(e.programId(), e.ruleVersion()), progress);
        if (found.isEmpty()) {
            return RowOutcome.skipped("Consistent now: status " + e.status() + ".");
        }
        ConsistencyRules.Finding f = found.get();
        boolean fix = row.parameters().flag(FIX);
        String action;
        RowOutcome outcome;
        if (!f.correctable()) {
            action = "left for a person";
            outcome = RowOutcome.skipped(f.diff() + "; not corrected automatically, a person decides.");
        } else if (!fix) {
            action = "reported";
            outcome = RowOutcome.done(f.diff() + " (reported only)");
        } else if (dryRun) {
            action = "would correct";
            outcome = RowOutcome.done(f.diff());
        } else {
            // through the one door of status changes: the transition table decides, the change is audited once
            StatusChangeResult result = statusChanges.change(row.connection(), List.of(new StatusChanges.Move(e,
                    f.expected(), f.earnedOn(), f.expiresOn(), REASON + f.reason(), true)),
                    "consistency check run " + row.runId(), StatusChanges.Audit.EACH);
            if (result.refused().isEmpty()) {
                action = "corrected";
                outcome = RowOutcome.done(f.diff());
            } else {
                action = "refused";
                outcome = RowOutcome.skipped(f.diff() + "; refused: " + result.refused().get(0).reason());
            }
        }
        String code = programs.find(e.programId()).map(Program::code).orElse(String.valueOf(e.programId()));
        row.write(FILE, e.id(), e.contactId(), code, f.stored(), f.expected(), f.reason(), action);
        return outcome;
    }

    @Override
    public List<ResultFile> resultFiles() {
        return List.of(new ResultFile(FILE, List.of("enrollment", "contact", "program", "stored status",
                "expected status", "reason", "action")));
    }

    private static Optional<ConsistencyRules.Finding> check(Enrollment e, LocalDate today, ProgramRules rules,
            RequirementProgress source) {
        LocalDate completeOn = source != null && ConsistencyRules.needsRequirements(e)
                ? ConsistencyRules.completeOn(rules.requirements(), source.states(e.id()), today)
                : null;
        return ConsistencyRules.check(e, today, rules.options(), completeOn);
    }

    /** The rules an enrollment is judged by, read once per program version of a selection. */
    private ProgramRules rules(Map<String, ProgramRules> known, Enrollment e) {
        return known.computeIfAbsent(e.programId() + "/" + e.ruleVersion(),
                k -> programs.rules(e.programId(), e.ruleVersion()));
    }

    private Program program(String code) {
        return programs.findByCode(code).orElseThrow(() -> new IllegalArgumentException(
                "There is no program with the code '" + code + "'."));
    }
}
